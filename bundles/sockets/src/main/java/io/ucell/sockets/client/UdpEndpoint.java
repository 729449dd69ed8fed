package io.ucell.sockets.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.sockets.Datagram;
import io.ucell.sockets.ModuleSocketException;
import io.ucell.sockets.UdpSocket;
import io.ucell.sockets.WriteMode;
import io.ucell.sockets.at.SocketAt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A UDP socket: +USOST out, +USORF in (the spec's recommendation for UDP, section 5); once connected +USOWR and
 * +USORD, which a secure (DTLS) socket always uses.
 */
final class UdpEndpoint extends Endpoint implements UdpSocket {
    /** Datagrams fetched ahead of the application. */
    static final int HOST_QUEUE = 256;
    private final ArrayDeque<Datagram> received = new ArrayDeque<>();
    /** The +USOCO peer; null while unconnected (then +USOST/+USORF, as the spec recommends for UDP). */
    private volatile String peerIp;
    private volatile int peerPort;

    /** +USOSEC was set: DTLS by the module, so the socket must connect (the handshake) before it sends. */
    private final boolean secure;

    UdpEndpoint(SocketStack stack, int id, boolean secure) {
        super(stack, id);
        this.secure = secure;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public void connect(String host, int port) throws IOException {
        checkPort(port);
        String ip = stack.resolve(host);
        stack.lock();
        try {
            AtEngine at = stack.engine();
            // a DTLS peer is named as given, so the module can send SNI and check the certificate's name
            String remote = secure ? host : ip;
            AtResponse r = stack.exec(at, SocketAt.connect(id, remote, port, stack.settings().connectTimeout()));
            if (!r.isOk()) {
                int errno = stack.lastErrno(at);
                if (secure) {
                    // a failed handshake may free the socket (+UUSOCL), as a failed TLS connect does
                    stack.stillExists(at, this);
                    throw new ModuleSocketException("DTLS handshake with " + host + ":" + port + " on UDP socket "
                            + id + " failed", errno);
                }
                throw new ModuleSocketException("+USOCO on UDP socket " + id + " refused", errno);
            }
            peerIp = ip;
            peerPort = port;
        } finally {
            stack.unlock();
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        String ip = peerIp;
        if (ip == null) {
            throw new IllegalStateException("not connected: use send(host, port, data) or connect first");
        }
        transmit(data, ip, peerPort, true);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    @Override
    public void send(String host, int port, byte[] data) throws IOException {
        if (peerIp != null) {
            throw new IllegalStateException("a connected UDP socket sends with +USOWR only (section 5): use send(data)");
        }
        if (secure) {
            throw new IllegalStateException("a secure UDP socket sends through its DTLS session: connect first");
        }
        checkPort(port);
        transmit(data, stack.resolve(host), port, false);
    }

    /** One datagram by +USOST (to ip:port) or, when connected, by +USOWR. */
    private void transmit(byte[] data, String ip, int port, boolean connected) throws IOException {
        if (data.length == 0 || data.length > MAX_DATAGRAM) {
            throw new IllegalArgumentException("a datagram holds 1.." + MAX_DATAGRAM + " bytes: " + data.length);
        }
        synchronized (this) {
            if (closedByUser) {
                throw new SocketException("socket closed");
            }
            if (failure != null) {
                throw failure;
            }
        }
        stack.lock();
        try {
            AtEngine at = stack.engine();
            boolean hex = stack.hexMode(at);
            WritePlanner.Syntax syntax = datagramSyntax(stack.planner(connected ? 0 : ip.length() + 9), data, hex);
            if (syntax != WritePlanner.Syntax.BINARY) {
                stack.hexMode(at, syntax == WritePlanner.Syntax.HEX);
            }
            AtResponse r = stack.exec(at, connected ? writeCommand(syntax, data) : sendCommand(syntax, ip, port, data));
            String what = connected ? "+USOWR" : "+USOST";
            if (!r.isOk()) {
                stack.forgetHexMode();
                int errno = stack.lastErrno(at);
                stack.stillExists(at, this);
                throw new ModuleSocketException(what + " to " + ip + ":" + port + " refused", errno);
            }
            int n = SocketAt.written(r, what);
            if (n != data.length) {
                throw new ModuleSocketException("the module sent " + n + " of " + data.length + " bytes", 0);
            }
        } finally {
            stack.unlock();
        }
        requestCheck();
        stack.signalPump();
    }

    private AtCommand writeCommand(WritePlanner.Syntax syntax, byte[] data) {
        switch (syntax) {
            case HEX:
                return SocketAt.writeHex(id, data);
            case BASE:
                return SocketAt.writeBase(id, data);
            default:
                return SocketAt.writeBinary(id, data);
        }
    }

    private AtCommand sendCommand(WritePlanner.Syntax syntax, String ip, int port, byte[] data) {
        switch (syntax) {
            case HEX:
                return SocketAt.sendToHex(id, ip, port, data);
            case BASE:
                return SocketAt.sendToBase(id, ip, port, data);
            default:
                return SocketAt.sendToBinary(id, ip, port, data);
        }
    }

    /** A datagram goes in one command: the fastest syntax that can carry all of it. */
    private WritePlanner.Syntax datagramSyntax(WritePlanner planner, byte[] data, boolean hexOn) {
        WriteMode mode = stack.settings().writeMode();
        if (mode == WriteMode.BINARY) {
            return WritePlanner.Syntax.BINARY;
        }
        boolean hexFits = data.length <= SocketAt.MAX_HEX_DATA;
        if (mode == WriteMode.HEX) {
            return hexFits ? WritePlanner.Syntax.HEX : WritePlanner.Syntax.BINARY;
        }
        boolean printable = true;
        for (byte b : data) {
            printable &= SocketAt.baseSyntaxAllowed(b);
        }
        WritePlanner.Syntax best = WritePlanner.Syntax.BINARY;
        long cost = planner.cost(best, data.length, hexOn);
        if (hexFits && planner.cost(WritePlanner.Syntax.HEX, data.length, hexOn) < cost) {
            best = WritePlanner.Syntax.HEX;
            cost = planner.cost(best, data.length, hexOn);
        }
        if (printable && planner.cost(WritePlanner.Syntax.BASE, data.length, hexOn) < cost) {
            best = WritePlanner.Syntax.BASE;
        }
        return best;
    }

    @Override
    public Datagram receive(Duration timeout) throws IOException {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            waitingReaders++;
            try {
                boolean asked = false;
                while (received.isEmpty()) {
                    if (closedByUser) {
                        throw new SocketException("socket closed");
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    if (moduleClosed) {
                        throw new ModuleSocketException("the module closed UDP socket " + id, 0);
                    }
                    if (!asked) {
                        checkRequested = true;
                        asked = true;
                        stack.signalPump();
                    }
                    long waitMs = 100;
                    if (timeout != null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SocketTimeoutException("receive timed out");
                        }
                        waitMs = Math.max(1, Math.min(waitMs, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                    try {
                        wait(waitMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted in receive");
                    }
                }
                return received.poll();
            } finally {
                waitingReaders--;
            }
        }
    }

    @Override
    synchronized boolean wantsFetch(long now, long pollNanos) {
        return !moduleClosed && !closedByUser && failure == null && received.size() < HOST_QUEUE
                && fetchDue(now, pollNanos);
    }

    @Override
    void fetch() throws IOException {
        AtEngine at = stack.engine();
        long before;
        synchronized (this) {
            before = announcements;
        }
        boolean hex = stack.hexMode(at);
        // raw reads keep datagrams up to 1024 bytes whole (a hex read stops at 512)
        if (hex && stack.settings().writeMode() != WriteMode.HEX) {
            stack.hexMode(at, false);
            hex = false;
        }
        int max = hex ? SocketAt.MAX_HEX_DATA : SocketAt.MAX_DATA;
        String peer = peerIp;
        AtResponse r = stack.exec(at, peer != null ? SocketAt.read(id, max) : SocketAt.readFrom(id, max));
        if (!r.isOk()) {
            synchronized (this) {
                checkRequested = false;
                announced = 0;
                lastFetchNanos = System.nanoTime();
            }
            stack.stillExists(at, this);
            return;
        }
        SocketAt.Received d;
        try {
            if (peer != null) {
                // +USORD on a connected UDP socket: the datagram without its sender, which is the peer
                byte[] data = SocketAt.readData(r, hex);
                d = data.length == 0 ? null : new SocketAt.Received(peer, peerPort, data);
            } else {
                d = SocketAt.readFromData(r, hex);
            }
        } catch (RuntimeException odd) {
            stack.forgetHexMode();
            throw new ModuleSocketException("unreadable read answer on socket " + id + ": " + odd.getMessage(), odd);
        }
        synchronized (this) {
            if (d != null) {
                received.add(new Datagram(d.ip(), d.port(), d.data()));
                notifyAll();
            }
            // a datagram read whole does not tell whether another waits: look again while one did come
            fetched(d != null, before);
        }
    }

    @Override
    void resolveModuleClose() {
        synchronized (this) {
            closeUnresolved = false;
            notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        stack.close(this, null);
        synchronized (this) {
            received.clear();
            notifyAll();
        }
    }

    @Override
    public String toString() {
        return "module UDP socket " + id;
    }
}
