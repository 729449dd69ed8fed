package io.ucell.modem;

/**
 * One PDP context as +CGDCONT? (and +CGACT?) show it.
 *
 * @param cid     context id
 * @param apn     APN (as the module shows it; the network's when none was configured)
 * @param pdpType "IP", "IPV6" or "IPV4V6" (the type the module shows)
 * @param ipv4    IPv4 address, empty when none
 * @param ipv6    IPv6 address (as the module shows it), empty when none
 * @param active  whether the modem service considers it usable by the module's internal applications
 */
public record PdpContextStatus(int cid, String apn, String pdpType, String ipv4, String ipv6, boolean active) {

    public boolean hasAddress() {
        return !ipv4.isEmpty() || !ipv6.isEmpty();
    }
}
