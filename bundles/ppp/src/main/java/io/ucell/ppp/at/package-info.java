/** The AT side of dial-up: building +UAUTHREQ, +UPORTFWD, +UEMBPF, +CVHU and ATD*99***cid#, reading the answers (internal). */
package io.ucell.ppp.at;
