/**
 * The module's embedded CoAP client (app note section 8): +UCOAP profiles, +UCOAPC requests with their
 * +UCOAPCD/+UCOAPCR URCs and +UCOAPER, carried out by Eclipse Californium (UDP, DTLS through Scandium,
 * TCP and TLS through the netty connector).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.coap;
