/**
 * PPP dial-up (section 4): the AT commands (+UAUTHREQ, +UPORTFWD, +UEMBPF, +CVHU, ATD*99, +CGDATA, ATH, ATO), the
 * module's PPP server (RFC 1661 LCP, RFC 1662 HDLC-like framing, RFC 1334 PAP, RFC 1994 CHAP-MD5, RFC 1332/1877
 * IPCP) and the data plane that carries the DTE's IPv4 packets to real host sockets (router mode NAT, bridge mode).
 */
package io.ucell.simulator.ppp;
