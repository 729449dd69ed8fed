package io.ucell.simulator.ppp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP from the DTE (RFC 793, the minimum): each connection the DTE opens is a small user-space endpoint proxied to a
 * host Socket. SYN is answered with SYN-ACK once the host connection is up (RST when it is refused); data is
 * acknowledged as it is handed to the host socket; the host's bytes go to the DTE in segments of at most the DTE's
 * MSS, within its window; FIN both ways; RST both ways. No retransmission: the PPP link loses nothing (segments
 * for the DTE are dropped while the call is held in online command mode, so a connection may not survive that).
 * Connections from the network to the DTE are not simulated.
 */
final class TcpProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where packets for the DTE go; false when +UEMBPF kept it. */
    interface Sink {
        boolean deliver(byte[] packet, int dtePort);
    }

    private record Key(int dtePort, Inet4Address remote, int remotePort) {
    }

    /** The fields of a segment from the DTE. */
    private record Segment(int srcPort, int dstPort, int seq, int ack, int flags, int window, int mss, byte[] data) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private final PppSetup setup;
    private final Sink sink;
    private final Executor background;
    private final Map<Key, Connection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TcpProxy(PppSetup setup, Sink sink, Executor background) {
        this.setup = setup;
        this.sink = sink;
        this.background = background;
    }

    void fromDte(Ipv4.Packet p) {
        byte[] s = p.payload();
        if (s.length < 20 || closed || Ipv4.transportChecksum(p.source(), p.destination(), Ipv4.TCP, s) != 0) {
            return;
        }
        int offset = ((s[12] & 0xF0) >>> 4) * 4;
        if (offset < 20 || offset > s.length) {
            return;
        }
        Segment seg = new Segment(Ipv4.u16(s, 0), Ipv4.u16(s, 2), readInt(s, 4), readInt(s, 8), s[13] & 0x3F,
                Ipv4.u16(s, 14), mss(s, offset), Arrays.copyOfRange(s, offset, s.length));
        Key key = new Key(seg.srcPort(), p.destination(), seg.dstPort());
        Connection c = connections.get(key);
        if (c == null) {
            if (seg.has(SYN) && !seg.has(ACK)) {
                c = new Connection(key, seg);
                connections.put(key, c);
                Connection opening = c;
                background.execute(opening::open);
            } else if (!seg.has(RST)) {
                reset(key, seg);
            }
            return;
        }
        c.onSegment(seg);
    }

    /** The MSS option of a SYN (default 536, RFC 1122). */
    private static int mss(byte[] s, int offset) {
        int i = 20;
        while (i < offset) {
            int kind = s[i] & 0xFF;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= offset) {
                break;
            }
            int len = s[i + 1] & 0xFF;
            if (kind == 2 && len == 4 && i + 4 <= offset) {
                return Ipv4.u16(s, i + 2);
            }
            i += Math.max(2, len);
        }
        return 536;
    }

    /** RFC 793 reset generation for a segment that belongs to no connection. */
    private void reset(Key key, Segment seg) {
        if (seg.has(ACK)) {
            send(key, seg.ack(), 0, RST, new byte[0], 0);
        } else {
            int len = seg.data().length + (seg.has(SYN) ? 1 : 0) + (seg.has(FIN) ? 1 : 0);
            send(key, 0, seg.seq() + len, RST | ACK, new byte[0], 0);
        }
    }

    private void send(Key key, int seq, int ack, int flags, byte[] data, int mss) {
        int optLen = mss > 0 ? 4 : 0;
        byte[] seg = new byte[20 + optLen + data.length];
        Ipv4.put16(seg, 0, key.remotePort());
        Ipv4.put16(seg, 2, key.dtePort());
        writeInt(seg, 4, seq);
        writeInt(seg, 8, ack);
        seg[12] = (byte) (((20 + optLen) / 4) << 4);
        seg[13] = (byte) flags;
        Ipv4.put16(seg, 14, 65_535);
        if (mss > 0) {
            seg[20] = 2;
            seg[21] = 4;
            Ipv4.put16(seg, 22, mss);
        }
        System.arraycopy(data, 0, seg, 20 + optLen, data.length);
        Ipv4.put16(seg, 16, Ipv4.transportChecksum(key.remote(), setup.dteAddress(), Ipv4.TCP, seg));
        sink.deliver(Ipv4.build(Ipv4.TCP, key.remote(), setup.dteAddress(), 64, seg), key.dtePort());
    }

    /** One proxied connection; its fields are guarded by the object's lock. */
    private final class Connection {
        private final Key key;
        private final int iss = RANDOM.nextInt();
        private final int mss;
        private final ExecutorService writer;
        private int rcvNxt;
        private int sndNxt;
        private int sndUna;
        private int window;
        private volatile Socket socket;
        private boolean established;
        private boolean finReceived;
        private boolean finSent;
        private boolean gone;

        Connection(Key key, Segment syn) {
            this.key = key;
            this.rcvNxt = syn.seq() + 1;
            this.sndNxt = iss;
            this.sndUna = iss;
            this.window = syn.window();
            this.mss = Math.max(64, Math.min(syn.mss(), setup.mtu() - 40));
            this.writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ppp-tcp-" + key.dtePort());
                t.setDaemon(true);
                return t;
            });
        }

        /** Connects the host socket (background thread), then SYN-ACK. */
        void open() {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(key.remote(), key.remotePort()), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                LOG.debug("PPP cid {}: TCP to {}:{} failed: {}", setup.cid(), key.remote(), key.remotePort(), e.toString());
                closeQuietly(s);
                synchronized (this) {
                    send(key, 0, rcvNxt, RST | ACK, new byte[0], 0);
                    drop();
                }
                return;
            }
            synchronized (this) {
                if (gone || closed) {
                    closeQuietly(s);
                    return;
                }
                socket = s;
                sndNxt = iss + 1;
                send(key, iss, rcvNxt, SYN | ACK, new byte[0], mss);
            }
            Thread t = new Thread(this::pump, "ppp-tcp-rx-" + key.dtePort());
            t.setDaemon(true);
            t.start();
        }

        synchronized void onSegment(Segment seg) {
            if (gone) {
                return;
            }
            if (seg.has(RST)) {
                drop();
                return;
            }
            if (seg.has(SYN)) {
                if (socket != null && !established) {
                    send(key, iss, rcvNxt, SYN | ACK, new byte[0], mss); // the DTE repeated its SYN
                }
                return;
            }
            if (seg.has(ACK) && socket != null) {
                if (after(seg.ack(), sndUna) && !after(seg.ack(), sndNxt)) {
                    sndUna = seg.ack();
                }
                established = true;
                window = seg.window();
                notifyAll();
            }
            int len = seg.data().length;
            if (len > 0 || seg.has(FIN)) {
                if (seg.seq() != rcvNxt || finReceived) {
                    send(key, sndNxt, rcvNxt, ACK, new byte[0], 0); // out of order or repeated: say where we are
                    return;
                }
                Socket s = socket;
                try {
                    if (len > 0) {
                        byte[] data = seg.data();
                        writer.execute(() -> write(s, data));
                        rcvNxt += len;
                    }
                    if (seg.has(FIN)) {
                        rcvNxt += 1;
                        finReceived = true;
                        writer.execute(() -> shutdownOutput(s));
                    }
                } catch (java.util.concurrent.RejectedExecutionException aborted) {
                    return;
                }
                send(key, sndNxt, rcvNxt, ACK, new byte[0], 0);
            }
            if (finReceived && finSent && sndUna == sndNxt) {
                drop(); // both FINs sent and acknowledged
            }
        }

        private void write(Socket s, byte[] data) {
            try {
                s.getOutputStream().write(data);
            } catch (IOException e) {
                synchronized (this) {
                    if (!gone) {
                        send(key, sndNxt, rcvNxt, RST | ACK, new byte[0], 0);
                        drop();
                    }
                }
            }
        }

        private void shutdownOutput(Socket s) {
            try {
                s.shutdownOutput();
            } catch (IOException e) {
                // closed meanwhile
            }
        }

        /** Host to DTE: segments within the DTE's window, FIN at the end of the stream. */
        private void pump() {
            byte[] buf = new byte[mss];
            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    int n = in.read(buf);
                    synchronized (this) {
                        if (gone) {
                            return;
                        }
                        if (n < 0) {
                            send(key, sndNxt, rcvNxt, FIN | ACK, new byte[0], 0);
                            sndNxt += 1;
                            finSent = true;
                            return;
                        }
                        while (!gone && (sndNxt - sndUna) + n > Math.max(window, mss)) {
                            wait(100);
                        }
                        if (gone) {
                            return;
                        }
                        send(key, sndNxt, rcvNxt, ACK | PSH, Arrays.copyOf(buf, n), 0);
                        sndNxt += n;
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    if (!gone) {
                        send(key, sndNxt, rcvNxt, RST | ACK, new byte[0], 0);
                        drop();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Closes the host socket without the lock (see {@link TcpProxy#close()}). */
        void abort() {
            closeQuietly(socket);
            writer.shutdownNow();
        }

        /** Forgets the connection and closes the host socket. */
        private void drop() {
            if (gone) {
                return;
            }
            gone = true;
            connections.remove(key, this);
            Socket s = socket;
            try {
                writer.execute(() -> closeQuietly(s)); // after the writes already queued
                writer.shutdown();
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(s); // aborted
            }
            notifyAll();
        }
    }

    /** True when sequence number a is after b (modulo 2^32). */
    private static boolean after(int a, int b) {
        return a - b > 0;
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /**
     * The call ended: every host socket is closed. Takes no connection's lock (a pump may hold one while it waits for
     * the UART), so it is safe from any thread; the pumps then see their sockets fail and stop.
     */
    @Override
    public void close() {
        closed = true;
        for (Connection c : connections.values()) {
            c.abort();
        }
        connections.clear();
    }
}
