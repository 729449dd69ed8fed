package io.ucell.testsupport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** A UDP echo server on loopback (RFC 862): every datagram goes back to its sender, who is remembered. */
public final class UdpEchoServer implements AutoCloseable {
    private final DatagramSocket socket;
    private volatile InetSocketAddress lastSender;

    public UdpEchoServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serve, "udp-echo-" + socket.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    private void serve() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                lastSender = (InetSocketAddress) p.getSocketAddress();
                socket.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
            } catch (Exception e) {
                return; // closed
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Where the last datagram came from (the module's public address and port, for NAT tests); null before any. */
    public InetSocketAddress lastSender() {
        return lastSender;
    }

    @Override
    public void close() {
        socket.close();
    }
}
