package io.ucell.at.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class TcpTransportTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** What the kernel does now and then when a client retries a free local port: the socket meets itself. */
    @Test
    void aSocketConnectedToItselfIsRecognised() throws Exception {
        int port = freePort();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (Socket self = new Socket()) {
            self.setReuseAddress(true);
            self.bind(new InetSocketAddress(lo, port));
            self.connect(new InetSocketAddress(lo, port), 2000); // simultaneous open with itself
            assertTrue(TcpTransport.isConnectedToItself(self));
        }
        try (ServerSocket server = new ServerSocket(0, 1, lo); Socket client = new Socket(lo, server.getLocalPort())) {
            assertFalse(TcpTransport.isConnectedToItself(client));
        }
    }

    @Test
    void nothingListeningIsAConnectFailure() throws Exception {
        TcpTransport t = new TcpTransport("127.0.0.1", freePort(), 20);
        assertThrows(ConnectException.class, t::open);
        assertFalse(t.isOpen());
    }
}
