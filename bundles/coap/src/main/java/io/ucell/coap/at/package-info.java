/** The AT side of CoAP: building +UCOAP/+UCOAPC commands, reading +UCOAPCD/+UCOAPCR/+UCOAPER (internal). */
package io.ucell.coap.at;
