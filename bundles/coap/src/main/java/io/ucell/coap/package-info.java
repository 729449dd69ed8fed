/** CoAP requests through the module's embedded CoAP client (app note section 8). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.coap;
