package io.ucell.simulator.ppp;

import io.ucell.simulator.network.Dns;
import io.ucell.simulator.network.HostPing;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of one PPP call: the DTE's IPv4 packets leave through real host sockets, as if the host were the
 * operator's network. UDP gets one host DatagramSocket per DTE source port (the "public port"; the DTE's port number
 * when the host has it free); replies come back as IPv4/UDP packets with correct checksums. ICMP echo requests are
 * answered for the module's own address and loopback at once, for other hosts when the host's ping reaches them.
 * DNS queries to the DNS servers IPCP handed out are answered by the module's resolver ({@link DnsAnswers}).
 * Router mode admits only datagrams from peers the DTE has sent to (NAT), unless +UPORTFWD=100 made the NAT
 * full-cone; bridge mode (a transparent pipe) admits everything. +UEMBPF keeps packets for ports in its range away
 * from the DTE.
 */
final class IpGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpGateway.class);

    interface Factory {
        IpGateway create(PppSetup setup, Consumer<byte[]> toDte);
    }

    private final PppSetup setup;
    private final Consumer<byte[]> toDte;
    private final HostPing ping;
    private final Dns dns;
    private final Executor background;
    private final Map<Integer, UdpBinding> udp = new ConcurrentHashMap<>();
    private final TcpProxy tcp;
    private volatile boolean closed;

    IpGateway(PppSetup setup, Consumer<byte[]> toDte, HostPing ping, Dns dns, Executor background) {
        this.setup = setup;
        this.toDte = toDte;
        this.ping = ping;
        this.dns = dns;
        this.background = background;
        this.tcp = new TcpProxy(setup, this::deliver, background);
    }

    /** An IPv4 packet from the DTE. */
    void fromDte(byte[] raw) {
        Ipv4.Packet p = Ipv4.Packet.parse(raw);
        if (p == null || closed || !p.source().equals(setup.dteAddress())) {
            return; // not IPv4, broken, or spoofed: a router drops it
        }
        switch (p.protocol()) {
            case Ipv4.UDP -> udpOut(p);
            case Ipv4.ICMP -> icmpOut(p);
            case Ipv4.TCP -> tcp.fromDte(p);
            default -> LOG.debug("PPP cid {}: protocol {} dropped", setup.cid(), p.protocol());
        }
    }

    /** A packet for the DTE from the network side: dropped when +UEMBPF reserves its destination port. */
    private boolean deliver(byte[] packet, int dtePort) {
        if (closed) {
            return false;
        }
        if (setup.portFilter() != null && setup.portFilter().filters(dtePort)) {
            LOG.debug("PPP cid {}: packet to port {} kept for the embedded applications (+UEMBPF)", setup.cid(), dtePort);
            return false;
        }
        toDte.accept(packet);
        return true;
    }

    // ------------------------------------------------------------------ UDP

    private void udpOut(Ipv4.Packet p) {
        byte[] s = p.payload();
        if (s.length < 8) {
            return;
        }
        int srcPort = Ipv4.u16(s, 0);
        int dstPort = Ipv4.u16(s, 2);
        int len = Ipv4.u16(s, 4);
        if (len < 8 || len > s.length) {
            return;
        }
        if (Ipv4.u16(s, 6) != 0 && Ipv4.transportChecksum(p.source(), p.destination(), Ipv4.UDP,
                Arrays.copyOf(s, len)) != 0) {
            return; // bad checksum: dropped like on any IP stack
        }
        boolean toDnsServer = p.destination().equals(setup.dnsPrimary()) || p.destination().equals(setup.dnsSecondary());
        if (toDnsServer && dstPort == 53) {
            byte[] query = Arrays.copyOfRange(s, 8, len);
            background.execute(() -> {
                byte[] answer = DnsAnswers.answer(query, dns);
                if (answer != null) {
                    deliver(Ipv4.udp(p.destination(), 53, setup.dteAddress(), srcPort, answer, answer.length), srcPort);
                }
            });
            return;
        }
        UdpBinding b;
        try {
            b = udp.computeIfAbsent(srcPort, port -> new UdpBinding(port));
        } catch (IllegalStateException e) {
            LOG.info("PPP cid {}: no host UDP socket for DTE port {}: {}", setup.cid(), srcPort, e.getMessage());
            return;
        }
        InetSocketAddress to = new InetSocketAddress(p.destination(), dstPort);
        b.contacted.add(to);
        try {
            b.socket.send(new DatagramPacket(s, 8, len - 8, to));
        } catch (IOException e) {
            LOG.debug("PPP cid {}: UDP to {} failed: {}", setup.cid(), to, e.toString());
        }
    }

    /** The host socket standing for one DTE port, and the peers the DTE sent to through it. */
    private final class UdpBinding {
        final int dtePort;
        final DatagramSocket socket;
        final Set<InetSocketAddress> contacted = ConcurrentHashMap.newKeySet();

        UdpBinding(int dtePort) {
            this.dtePort = dtePort;
            this.socket = open(dtePort);
            Thread t = new Thread(this::receive, "ppp-udp-" + dtePort);
            t.setDaemon(true);
            t.start();
        }

        private DatagramSocket open(int port) {
            try {
                try {
                    return new DatagramSocket(port); // keep the DTE's port when the host has it free
                } catch (SocketException busy) {
                    return new DatagramSocket(0);
                }
            } catch (SocketException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private void receive() {
            byte[] buf = new byte[65_535];
            while (!closed && !socket.isClosed()) {
                DatagramPacket d = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(d);
                } catch (IOException e) {
                    return;
                }
                if (!(d.getAddress() instanceof Inet4Address from)) {
                    continue;
                }
                InetSocketAddress sender = new InetSocketAddress(from, d.getPort());
                boolean nat = setup.routerMode() && !setup.fullConeNat();
                if (nat && !contacted.contains(sender)) {
                    LOG.debug("PPP cid {}: UDP from {} to public port {} dropped by the NAT", setup.cid(), sender,
                            socket.getLocalPort());
                    continue;
                }
                byte[] packet = Ipv4.udp(from, d.getPort(), setup.dteAddress(), dtePort, d.getData(), d.getLength());
                deliver(packet, dtePort);
            }
        }
    }

    // ------------------------------------------------------------------ ICMP

    private void icmpOut(Ipv4.Packet p) {
        byte[] icmp = p.payload();
        if (icmp.length < 8 || (icmp[0] & 0xFF) != 8 || Ipv4.checksum(icmp, 0, icmp.length) != 0) {
            return; // only well-formed echo requests are served
        }
        Inet4Address dst = p.destination();
        if (dst.isLoopbackAddress() || dst.equals(setup.peerAddress())) {
            echoReply(p, 64);
            return;
        }
        background.execute(() -> {
            HostPing.Echo e = ping.ping(dst, Math.max(0, icmp.length - 8), 2000, Math.max(1, p.ttl()));
            if (e.rttMs() >= 0) {
                echoReply(p, e.ttl());
            }
        });
    }

    private void echoReply(Ipv4.Packet request, int ttl) {
        byte[] icmp = request.payload().clone();
        icmp[0] = 0; // echo reply
        Ipv4.put16(icmp, 2, 0);
        Ipv4.put16(icmp, 2, Ipv4.checksum(icmp, 0, icmp.length));
        if (!closed) {
            toDte.accept(Ipv4.build(Ipv4.ICMP, request.destination(), setup.dteAddress(), ttl, icmp));
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.values().forEach(b -> b.socket.close());
        udp.clear();
        tcp.close();
    }
}
