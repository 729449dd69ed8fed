package io.ucell.simulator.ppp;

import io.ucell.simulator.model.Capabilities.PortFilter;
import java.net.Inet4Address;

/**
 * What a dial fixed for its call: the context, the addresses IPCP hands out, authentication, NAT and filtering.
 *
 * @param cid         the context dialled
 * @param routerMode  router mode (4.1.1: private network, NAT) or bridge mode (4.1.2: the context's own address)
 * @param dteAddress  the address the DTE gets in IPCP
 * @param peerAddress the module's end of the link in IPCP
 * @param auth        +UAUTHREQ of the context (type 0 when none was set)
 * @param fullConeNat +UPORTFWD=100 was set for the context before the dial (4.1.3)
 * @param portFilter  the +UEMBPF setting active since the last boot (4.3)
 * @param mtu         the network's MTU: the largest MRU the module accepts
 */
record PppSetup(int cid, boolean routerMode, Inet4Address dteAddress, Inet4Address peerAddress,
        Inet4Address dnsPrimary, Inet4Address dnsSecondary, AuthSettings auth, boolean fullConeNat,
        PortFilter portFilter, int mtu) {
}
