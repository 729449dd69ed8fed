package io.ucell.simulator.sockets;

import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.security.ProfileDtls;
import io.ucell.simulator.sockets.ModuleSocket.Datagram;
import io.ucell.simulator.sockets.ModuleSocket.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's socket table (ids 0..6) for one boot, each socket backed by a real host socket. Between the
 * AT interface and the host socket sit the module's buffers: a bounded receive buffer filled by a reader
 * thread (when it is full the reader stops, so TCP flow control pushes back on the peer) and a send queue of
 * the module's size drained by a writer thread (a write that does not fit is refused whole, spec 5.3.3).
 *
 * <p>One lock, this object's monitor, guards every socket's state; URCs are emitted with it held (the sink
 * only queues), so they come out in the order the state changed. Blocking I/O (connect, TLS handshake,
 * reads, writes, closes) never runs with it held. Lock order: the network's lock may be held when this one
 * is taken ({@link #closeAllByNetwork()}), never the other way round.
 */
public final class SocketStack {
    private static final Logger LOG = LoggerFactory.getLogger(SocketStack.class);

    /** The module's TCP receive buffer per socket; the spec gives no size, 64 kB is a typical lwIP window. */
    static final int TCP_RX_BUFFER = 64 * 1024;
    /** Datagrams that do not fit any more are dropped, as a UDP stack does. */
    static final int UDP_RX_BUFFER = 64 * 1024;
    /** Small host send buffer, so the module's own queue (not the host kernel) is what fills up. */
    static final int HOST_SEND_BUFFER = 4096;
    /** Small host receive window, so a full module buffer holds the peer back soon (flow control). */
    static final int HOST_RECEIVE_BUFFER = 8192;
    static final int CONNECT_TIMEOUT_MS = 20_000;
    /** How long a close without linger keeps flushing the queue in the background before it resets. */
    static final int BACKGROUND_FLUSH_MS = 30_000;
    private static final int WRITE_CHUNK = 1024;

    /** +USORD result: the bytes and what is still buffered; {@code closed}: remote gone and now drained. */
    public record Read(byte[] data, int remaining, boolean closed) {
    }

    /** +USORF result; {@code announce} is the count for the URC after the read (0: no URC). */
    public record DatagramRead(String ip, int port, byte[] data, int announce) {
    }

    private final Capabilities caps;
    private final Executor threads;
    private final ScheduledExecutorService timer;
    private final Network.UrcSink urcs;
    private final InetAddress listenAddress;
    private final ModuleSocket[] table;
    private boolean disposed;
    private boolean hexMode;
    private int lastError;

    /**
     * @param threads       runs the per-socket reader, writer and accept loops
     * @param listenAddress where +USOLI's TCP server sockets bind on the host
     */
    public SocketStack(Capabilities caps, Executor threads, ScheduledExecutorService timer, Network.UrcSink urcs,
            InetAddress listenAddress) {
        this.caps = caps;
        this.threads = threads;
        this.timer = timer;
        this.urcs = urcs;
        this.listenAddress = listenAddress;
        this.table = new ModuleSocket[caps.maxSockets()];
    }

    // ------------------------------------------------------------------ global settings

    /** +UDCONF=1: data of +USOWR/+USOST/+USORD/+USORF as hex strings. */
    public synchronized boolean hexMode() {
        return hexMode;
    }

    public synchronized void setHexMode(boolean on) {
        hexMode = on;
    }

    /** +USOER: the last error of any socket operation (0 until one fails). */
    public synchronized int lastError() {
        return lastError;
    }

    public synchronized boolean isTcp(int id) throws SocketFailure {
        return require(id).tcp();
    }

    // ------------------------------------------------------------------ create, options, security

    /** +USOCR: the lowest free id. A UDP socket with a local port is bound at once (the port is taken). */
    public synchronized int create(boolean tcp, int localPort) throws SocketFailure {
        int id = freeId();
        if (id < 0) {
            throw fail(null, SocketErrors.EMFILE, false);
        }
        ModuleSocket s = new ModuleSocket(id, tcp ? Protocol.TCP : Protocol.UDP, new SocketOptions());
        s.localPort = localPort;
        if (!tcp && localPort > 0) {
            openUdp(s, localPort);
        }
        table[id] = s;
        return id;
    }

    public synchronized void setOption(int id, int level, int option, long value, Long value2) throws SocketFailure {
        ModuleSocket s = require(id);
        if (!SocketOptions.appliesTo(s.tcp(), level, option) || !s.options.set(level, option, value, value2)) {
            throw fail(s, SocketErrors.EINVAL, false);
        }
        if (s.host != null && !s.hostClosed) {
            s.options.applyTo(s.raw);
        }
        if (s.udp != null) {
            s.options.applyTo(s.udp);
        }
    }

    /** +USOGO value text ("1" or "1,500"). */
    public synchronized String option(int id, int level, int option) throws SocketFailure {
        ModuleSocket s = require(id);
        String v = SocketOptions.appliesTo(s.tcp(), level, option) ? s.options.get(level, option) : null;
        if (v == null) {
            throw fail(s, SocketErrors.EINVAL, false);
        }
        return v;
    }

    /** +USOSEC: on a TCP socket not connected yet (TLS), or a UDP socket before its +USOCO (DTLS). */
    public synchronized void setSecure(int id, boolean on, int profile) throws SocketFailure {
        ModuleSocket s = require(id);
        boolean connected = s.tcp() ? s.tcpState != ModuleSocket.CLOSED || s.host != null || s.server != null
                : s.remote != null || s.dtls != null;
        if (connected) {
            throw fail(s, SocketErrors.EISCONN, false);
        }
        s.secure = on;
        s.securityProfile = profile;
    }

    public synchronized int securityProfile(int id) throws SocketFailure {
        return require(id).securityProfile;
    }

    public synchronized boolean secure(int id) throws SocketFailure {
        return require(id).secure;
    }

    // ------------------------------------------------------------------ connect and listen

    /**
     * +USOCO on a TCP socket: connects (and for a secure socket completes the TLS handshake) before it returns.
     * On failure the socket is freed and the exception says so (the command then sends +UUSOCL).
     *
     * @param serverName the name given to +USOCO, for TLS SNI and host name validation
     */
    public void connectTcp(int id, InetAddress address, String serverName, int port, int validationLevel)
            throws SocketFailure {
        connectTcp(id, address, serverName, port,
                (raw, name, p, timeoutMs) -> Tls.handshake(raw, name, p, validationLevel, timeoutMs));
    }

    /** How a secure socket's TLS runs over the connected host socket (the security profile's, normally). */
    @FunctionalInterface
    public interface TlsHandshake {
        Socket handshake(Socket connected, String serverName, int port, int timeoutMs) throws IOException;
    }

    /**
     * +USOCO on a TCP socket with the TLS of a security profile ({@code tls} null: plain TCP, or for a secure
     * socket the JDK's TLS without validation).
     */
    public void connectTcp(int id, InetAddress address, String serverName, int port, TlsHandshake tls)
            throws SocketFailure {
        ModuleSocket s;
        SocketOptions opts;
        int localPort;
        boolean secure;
        synchronized (this) {
            s = require(id);
            if (!s.tcp() || s.tcpState != ModuleSocket.CLOSED || s.host != null || s.server != null || s.closing) {
                throw fail(s, SocketErrors.EISCONN, false);
            }
            s.tcpState = ModuleSocket.SYN_SENT;
            opts = s.options.copy();
            localPort = s.localPort;
            secure = s.secure;
        }
        Socket raw = new Socket();
        Socket conn = raw;
        InputStream in = null;
        OutputStream out = null;
        int errno = SocketErrors.NONE;
        try {
            raw.setSendBufferSize(HOST_SEND_BUFFER);
            raw.setReceiveBufferSize(HOST_RECEIVE_BUFFER); // before connect: it sets the window scale
            opts.applyTo(raw);
            if (localPort > 0) {
                raw.bind(new InetSocketAddress(localPort));
            }
            raw.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            if (secure) {
                conn = tls != null ? tls.handshake(raw, serverName, port, CONNECT_TIMEOUT_MS)
                        : Tls.handshake(raw, serverName, port, 0, CONNECT_TIMEOUT_MS);
            }
            in = conn.getInputStream();
            out = conn.getOutputStream();
        } catch (BindException e) {
            errno = SocketErrors.EADDRINUSE;
        } catch (ConnectException e) {
            errno = SocketErrors.ECONNREFUSED;
        } catch (SocketTimeoutException e) {
            errno = SocketErrors.ETIMEDOUT;
        } catch (NoRouteToHostException e) {
            errno = SocketErrors.EHOSTUNREACH;
        } catch (SSLException e) {
            // the AT manual has no TLS errno; the module reports the connection as reset
            LOG.debug("TLS handshake with {}:{} failed: {}", serverName, port, e.toString());
            errno = SocketErrors.ECONNRESET;
        } catch (IOException e) {
            errno = SocketErrors.EHOSTUNREACH;
        }
        synchronized (this) {
            boolean stillOurs = !disposed && table[id] == s;
            if (errno != SocketErrors.NONE || !stillOurs) {
                closeQuietly(raw, false);
                if (stillOurs) {
                    table[id] = null;
                    throw fail(s, errno, true);
                }
                // the context went away meanwhile: that already reported +UUSOCL
                throw fail(s, errno == SocketErrors.NONE ? SocketErrors.ENOTCONN : errno, false);
            }
            s.remote = new InetSocketAddress(address, port);
            startConnection(s, raw, conn, in, out);
        }
    }

    /** A TCP connect that could not even start (name not resolved): the socket is freed, like a failed one. */
    public synchronized void abandon(int id, int errno) throws SocketFailure {
        ModuleSocket s = require(id);
        table[id] = null;
        beginShutdown(s, 0, null);
        fail(s, errno, true);
    }

    /** Where a secure UDP socket gets its security profile's DTLS credentials. */
    @FunctionalInterface
    public interface DtlsCredentials {
        ProfileDtls open() throws SSLException;
    }

    /**
     * +USOCO on a UDP socket. A plain one only remembers the remote for +USOWR / +USORD (spec 5); a secure one
     * (+USOSEC) also runs the DTLS handshake with it before this returns. A failed handshake frees the socket,
     * as a failed secure TCP connect does (the command then sends +UUSOCL).
     *
     * @param serverName the name given to +USOCO, for SNI and host name validation
     * @param dtls       the profile's credentials for a secure socket
     */
    public void connectUdp(int id, InetAddress address, String serverName, int port, DtlsCredentials dtls)
            throws SocketFailure {
        ModuleSocket s;
        int localPort;
        DatagramSocket plain;
        synchronized (this) {
            s = require(id);
            if (!s.secure) {
                connectUdp(id, address, port);
                return;
            }
            if (s.tcp() || s.closing) {
                throw fail(s, SocketErrors.EINVAL, false);
            }
            if (s.remote != null || s.dtls != null) {
                throw fail(s, SocketErrors.EISCONN, false);
            }
            // the DTLS connector takes over the socket's port: the plain reader stops with its socket
            plain = s.udp;
            localPort = plain != null ? plain.getLocalPort() : s.localPort;
            s.udp = null;
        }
        if (plain != null) {
            plain.close();
        }
        DtlsLink link = null;
        int errno = SocketErrors.NONE;
        try {
            ProfileDtls credentials = dtls.open();
            link = DtlsLink.handshake(credentials, localPort, new InetSocketAddress(address, port),
                    data -> dtlsDatagram(s, address, port, data), CONNECT_TIMEOUT_MS);
        } catch (SocketTimeoutException e) {
            errno = SocketErrors.ETIMEDOUT;
        } catch (BindException e) {
            errno = SocketErrors.EADDRINUSE;
        } catch (SSLException e) {
            // as for TLS: the AT manual has no DTLS errno, the module reports the connection as reset
            errno = SocketErrors.ECONNRESET;
        } catch (IOException e) {
            errno = SocketErrors.EHOSTUNREACH;
        }
        synchronized (this) {
            boolean stillOurs = !disposed && table[id] == s && !s.closing;
            if (errno != SocketErrors.NONE || !stillOurs) {
                if (link != null) {
                    link.close();
                }
                if (stillOurs) {
                    table[id] = null;
                    beginShutdown(s, 0, null);
                    throw fail(s, errno, true);
                }
                throw fail(s, errno == SocketErrors.NONE ? SocketErrors.ENOTCONN : errno, false);
            }
            s.dtls = link;
            s.remote = new InetSocketAddress(address, port);
        }
    }

    /** A decrypted datagram from the DTLS peer: buffered and announced like a plain one. */
    private synchronized void dtlsDatagram(ModuleSocket s, InetAddress from, int port, byte[] data) {
        if (disposed || s.closing || s.aborted || table[s.id] != s) {
            return;
        }
        buffer(s, from, port, data);
    }

    /** +USOCO on a plain UDP socket: only remembers the remote for +USOWR / +USORD (spec 5). */
    public synchronized void connectUdp(int id, InetAddress address, int port) throws SocketFailure {
        ModuleSocket s = require(id);
        if (s.tcp() || s.closing) {
            throw fail(s, SocketErrors.EINVAL, false);
        }
        if (s.udp == null) {
            openUdp(s, 0);
        }
        s.remote = new InetSocketAddress(address, port);
    }

    /**
     * +USOLI. TCP: a host server socket on {@code port}; each accepted connection becomes a new socket and
     * +UUSOLI. UDP: the socket is (re)bound to {@code port} and receives datagrams itself.
     *
     * @param moduleIp the module's address, shown in +UUSOLI
     */
    public synchronized void listen(int id, int port, String moduleIp) throws SocketFailure {
        ModuleSocket s = require(id);
        if (!s.tcp()) {
            if (s.dtls != null) {
                throw fail(s, SocketErrors.EISCONN, false); // its port belongs to the DTLS session
            }
            if (s.udp != null && s.udp.getLocalPort() != port) {
                s.udp.close();
                s.udp = null;
            }
            if (s.udp == null) {
                openUdp(s, port);
            }
            s.localPort = port;
            return;
        }
        if (s.tcpState != ModuleSocket.CLOSED || s.host != null || s.server != null || s.closing) {
            throw fail(s, SocketErrors.EISCONN, false);
        }
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(s.options.reuseAddress);
            server.setReceiveBufferSize(HOST_RECEIVE_BUFFER); // inherited by accepted connections
            server.bind(new InetSocketAddress(listenAddress, port));
        } catch (IOException e) {
            throw fail(s, SocketErrors.EADDRINUSE, false);
        }
        s.server = server;
        s.localPort = port;
        s.moduleIp = moduleIp;
        s.tcpState = ModuleSocket.LISTEN;
        start(() -> acceptLoop(s, server));
    }

    private void acceptLoop(ModuleSocket listener, ServerSocket server) {
        while (true) {
            Socket c;
            InputStream in;
            OutputStream out;
            try {
                c = server.accept();
                c.setSendBufferSize(HOST_SEND_BUFFER);
                in = c.getInputStream();
                out = c.getOutputStream();
            } catch (IOException e) {
                return; // server socket closed
            }
            synchronized (this) {
                if (disposed || listener.closing || listener.aborted || table[listener.id] != listener) {
                    closeQuietly(c, true);
                    return;
                }
                int id = freeId();
                if (id < 0) {
                    // no free socket: the connection is refused
                    closeQuietly(c, true);
                    continue;
                }
                ModuleSocket s = new ModuleSocket(id, Protocol.TCP, listener.options.copy());
                s.localPort = listener.localPort;
                s.remote = (InetSocketAddress) c.getRemoteSocketAddress();
                s.options.applyTo(c);
                table[id] = s;
                // +UUSOLI before the reader can announce data on the new socket
                urc("+UUSOLI: " + id + ",\"" + s.remote.getAddress().getHostAddress() + "\"," + s.remote.getPort() + ","
                        + listener.id + ",\"" + listener.moduleIp + "\"," + listener.localPort);
                startConnection(s, c, c, in, out);
            }
        }
    }

    /** Attaches a connected host socket; with the lock held. */
    private void startConnection(ModuleSocket s, Socket raw, Socket conn, InputStream in, OutputStream out) {
        s.host = conn;
        s.raw = raw;
        s.rx = new ByteQueue(TCP_RX_BUFFER);
        s.tx = new ByteQueue(s.secure ? caps.secureQueueBytes() : caps.tcpQueueBytes());
        s.tcpState = ModuleSocket.ESTABLISHED;
        start(() -> tcpReader(s, in));
        start(() -> tcpWriter(s, out));
    }

    // ------------------------------------------------------------------ TCP data path

    private boolean stopReading(ModuleSocket s) {
        return disposed || s.aborted || s.closing || s.peerClosed || s.hostClosed;
    }

    private void tcpReader(ModuleSocket s, InputStream in) {
        byte[] buf = new byte[4096];
        try {
            while (true) {
                int room;
                synchronized (this) {
                    while (!stopReading(s) && s.rx.free() == 0) {
                        wait(); // buffer full: stop reading, the peer's window closes
                    }
                    if (stopReading(s)) {
                        return;
                    }
                    room = Math.min(buf.length, s.rx.free());
                }
                int n = in.read(buf, 0, room);
                synchronized (this) {
                    if (stopReading(s)) {
                        return;
                    }
                    if (n < 0) {
                        remoteClosed(s, SocketErrors.NONE);
                        return;
                    }
                    boolean wasEmpty = s.rx.size() == 0;
                    s.rx.write(buf, 0, n);
                    s.bytesReceived += n;
                    if (wasEmpty) {
                        // spec 5.5: a URC when data arrives into an empty buffer, with the amount buffered
                        urc("+UUSORD: " + s.id + "," + s.rx.size());
                    }
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                if (!stopReading(s)) {
                    remoteClosed(s, SocketErrors.ECONNRESET);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tcpWriter(ModuleSocket s, OutputStream out) {
        try {
            while (true) {
                byte[] chunk;
                synchronized (this) {
                    while (!s.aborted && !disposed && s.tx.size() == 0 && !s.closing) {
                        wait();
                    }
                    if (s.aborted || disposed || s.tx.size() == 0) {
                        break; // reset, or closing with the queue drained
                    }
                    chunk = s.tx.read(WRITE_CHUNK);
                    s.inFlight = chunk.length;
                }
                out.write(chunk);
                out.flush();
                synchronized (this) {
                    s.inFlight = 0;
                    s.bytesSent += chunk.length;
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                s.tx.clear();
                if (!s.aborted && !s.closing && !s.peerClosed) {
                    s.lastError = SocketErrors.ECONNRESET;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                s.inFlight = 0;
                s.writerDone = true;
                if (s.closing || s.aborted || disposed) {
                    closeHost(s, false);
                }
            }
        }
    }

    /** The peer closed (EOF) or reset the connection; with the lock held. */
    private void remoteClosed(ModuleSocket s, int errno) {
        s.peerClosed = true;
        s.tcpState = ModuleSocket.CLOSE_WAIT;
        if (errno != SocketErrors.NONE) {
            s.lastError = errno;
        }
        // buffered data stays readable; the socket is freed once it has been read (spec 5.5, fourth scenario)
        if (table[s.id] == s && s.rx.size() == 0) {
            release(s);
            urc("+UUSOCL: " + s.id);
        }
    }

    /** +USOWR: queues the bytes (TCP) or sends one datagram to the +USOCO remote (UDP); 0 after remote close. */
    public synchronized int write(int id, byte[] data) throws SocketFailure {
        ModuleSocket s = require(id);
        if (!s.tcp()) {
            if (s.remote == null || s.closing) {
                throw fail(s, SocketErrors.ENOTCONN, false);
            }
            if (s.dtls != null) {
                s.dtls.send(data);
                s.bytesSent += data.length;
            } else {
                sendDatagram(s, s.remote.getAddress(), s.remote.getPort(), data);
            }
            return data.length;
        }
        if (s.peerClosed) {
            return 0;
        }
        if (s.tcpState != ModuleSocket.ESTABLISHED || s.closing) {
            throw fail(s, SocketErrors.ENOTCONN, false);
        }
        if (data.length > s.tx.free() - s.inFlight) {
            // spec 5.3.3: queue full, the data is discarded and the command answers ERROR
            throw fail(s, SocketErrors.EAGAIN, false);
        }
        s.tx.write(data, 0, data.length);
        notifyAll();
        return data.length;
    }

    /**
     * +USORD: up to {@code max} bytes. On a UDP socket it reads the current datagram without its address.
     * When the remote has closed and this read empties the buffer the socket is freed ({@code closed}).
     */
    public synchronized Read read(int id, int max) throws SocketFailure {
        ModuleSocket s = require(id);
        if (!s.tcp()) {
            DatagramRead d = readDatagram(s, max);
            return new Read(d.data(), d.announce(), false);
        }
        if (s.rx == null || s.closing) {
            throw fail(s, SocketErrors.ENOTCONN, false);
        }
        byte[] data = s.rx.read(max);
        notifyAll(); // room again for the reader
        boolean closed = false;
        if (s.peerClosed && s.rx.size() == 0 && table[id] == s) {
            release(s);
            closed = true;
        }
        return new Read(data, s.rx.size(), closed);
    }

    /** +USORD=s,0 / +USORF=s,0: bytes buffered. */
    public synchronized int buffered(int id) throws SocketFailure {
        return require(id).buffered();
    }

    // ------------------------------------------------------------------ UDP

    private void openUdp(ModuleSocket s, int port) throws SocketFailure {
        try {
            DatagramSocket d = new DatagramSocket(null);
            d.setReuseAddress(s.options.reuseAddress);
            // bound on every host interface: the socket must be able to send anywhere the host can
            d.bind(new InetSocketAddress(port));
            s.options.applyTo(d);
            s.udp = d;
            start(() -> udpReader(s, d));
        } catch (IOException e) {
            throw fail(s, SocketErrors.EADDRINUSE, false);
        }
    }

    private void udpReader(ModuleSocket s, DatagramSocket sock) {
        byte[] buf = new byte[65_535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                sock.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            synchronized (this) {
                if (disposed || s.udp != sock || s.closing || s.aborted) {
                    return;
                }
                buffer(s, p.getAddress(), p.getPort(), Arrays.copyOf(buf, p.getLength()));
            }
        }
    }

    /** Queues a received datagram and announces it when the buffer was empty; with the lock held. */
    private void buffer(ModuleSocket s, InetAddress from, int port, byte[] data) {
        int len = data.length;
        if (len == 0 || s.udpBuffered + len > UDP_RX_BUFFER) {
            return; // nothing to announce, or no room: dropped as UDP may
        }
        boolean wasEmpty = s.udpBuffered == 0;
        s.datagrams.add(new Datagram(from, port, data));
        s.udpBuffered += len;
        s.bytesReceived += len;
        if (wasEmpty) {
            urc(caps.udpReadUrc() + ": " + s.id + "," + s.udpBuffered);
        }
    }

    /** +USOST: one datagram. */
    public synchronized void sendTo(int id, InetAddress address, int port, byte[] data) throws SocketFailure {
        ModuleSocket s = require(id);
        // a secure UDP socket talks DTLS to its +USOCO peer only (+USOWR): no clear datagrams anywhere
        if (s.tcp() || s.closing || s.secure) {
            throw fail(s, SocketErrors.EINVAL, false);
        }
        if (s.udp == null) {
            openUdp(s, 0);
        }
        sendDatagram(s, address, port, data);
    }

    private void sendDatagram(ModuleSocket s, InetAddress address, int port, byte[] data) throws SocketFailure {
        try {
            s.udp.send(new DatagramPacket(data, data.length, address, port));
            s.bytesSent += data.length;
        } catch (IOException e) {
            throw fail(s, SocketErrors.EHOSTUNREACH, false);
        }
    }

    /** +USORF: up to {@code max} bytes of the oldest datagram; a bigger datagram is read in pieces (5.7). */
    public synchronized DatagramRead readFrom(int id, int max) throws SocketFailure {
        ModuleSocket s = require(id);
        if (s.tcp()) {
            throw fail(s, SocketErrors.EINVAL, false);
        }
        return readDatagram(s, max);
    }

    private DatagramRead readDatagram(ModuleSocket s, int max) {
        Datagram d = s.datagrams.peek();
        if (d == null) {
            return new DatagramRead("", 0, new byte[0], 0);
        }
        int n = Math.min(max, d.remaining());
        byte[] data = Arrays.copyOfRange(d.data, d.offset, d.offset + n);
        d.offset += n;
        s.udpBuffered -= n;
        if (d.remaining() == 0) {
            s.datagrams.poll();
        }
        // spec 5.7: after a read, the rest of a partly read datagram, else everything buffered
        int announce = d.remaining() > 0 ? d.remaining() : s.udpBuffered;
        return new DatagramRead(d.from.getHostAddress(), d.port, data, announce);
    }

    /** The URC that announces data on this socket: +UUSORD for TCP, the family's UDP URC otherwise. */
    public synchronized String readUrc(int id) throws SocketFailure {
        return require(id).tcp() ? "+UUSORD" : caps.udpReadUrc();
    }

    // ------------------------------------------------------------------ state

    /** +USOCTL=s,param: the value text after "+USOCTL: s,param,". */
    public synchronized String control(int id, int param) throws SocketFailure {
        ModuleSocket s = require(id);
        switch (param) {
            case 0:
                return Integer.toString(s.protocol.number);
            case 1:
                return Integer.toString(s.lastError);
            case 2:
                return Long.toString(s.bytesSent);
            case 3:
                return Long.toString(s.bytesReceived);
            case 4:
                if (s.remote == null) {
                    throw fail(s, SocketErrors.ENOTCONN, false);
                }
                return "\"" + s.remote.getAddress().getHostAddress() + "\"," + s.remote.getPort();
            case 10:
                if (!s.tcp()) {
                    throw fail(s, SocketErrors.EINVAL, false);
                }
                return Integer.toString(s.tcpState);
            case 11:
                // spec 5.3.3 / 5.8: not supported on SARA-R5; only for TCP
                if (!caps.unackedQuerySupported() || !s.tcp()) {
                    throw fail(s, SocketErrors.EINVAL, false);
                }
                return Integer.toString(s.unsent());
            default:
                throw fail(s, SocketErrors.EINVAL, false);
        }
    }

    // ------------------------------------------------------------------ closing

    /**
     * +USOCL (synchronous): the id is free when this returns. Queued data keeps flowing in the background;
     * with SO_LINGER on, this waits up to the linger time for the queue to drain and then resets (A.1).
     */
    public synchronized void close(int id) throws SocketFailure, InterruptedException {
        ModuleSocket s = require(id);
        table[id] = null;
        boolean linger = s.options.lingerOn;
        beginShutdown(s, linger ? s.options.lingerMs : BACKGROUND_FLUSH_MS, null);
        if (linger) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.options.lingerMs);
            while (!s.hostClosed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abort(s);
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /**
     * +USOCL=s,1: checks the id now; {@code start} (run once OK has gone out) begins the close, and
     * +UUSOCL follows when the host socket is closed.
     */
    public synchronized Runnable closeAsync(int id) throws SocketFailure {
        ModuleSocket s = require(id);
        return () -> {
            synchronized (this) {
                if (table[id] != s || disposed) {
                    return; // closed meanwhile (context lost) and already reported
                }
                s.tcpState = ModuleSocket.FIN_WAIT_1;
                beginShutdown(s, s.options.lingerOn ? s.options.lingerMs : BACKGROUND_FLUSH_MS, () -> {
                    synchronized (this) {
                        if (table[id] == s && !disposed) {
                            table[id] = null;
                            urc("+UUSOCL: " + id);
                        }
                    }
                });
            }
        };
    }

    /** Frees the id and starts the graceful close in the background; with the lock held. */
    private void release(ModuleSocket s) {
        if (table[s.id] == s) {
            table[s.id] = null;
        }
        beginShutdown(s, BACKGROUND_FLUSH_MS, null);
    }

    /** Stops receiving, lets the writer drain the queue then close, and resets after {@code maxMs}. */
    private void beginShutdown(ModuleSocket s, int maxMs, Runnable onClosed) {
        if (s.closing) {
            return;
        }
        s.closing = true;
        s.onHostClosed = onClosed;
        if (s.rx != null) {
            s.rx.clear();
        }
        notifyAll();
        if (s.host == null || s.writerDone) {
            closeHost(s, false);
            return;
        }
        try {
            timer.schedule(() -> {
                synchronized (this) {
                    if (!s.hostClosed) {
                        abort(s);
                    }
                }
            }, maxMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abort(s); // the module is shutting down: no time to flush
        }
    }

    /** Closes everything at once, the peer gets a reset; with the lock held. */
    private void abort(ModuleSocket s) {
        s.aborted = true;
        notifyAll();
        closeHost(s, true);
    }

    /** Closes the host resources (once) outside the lock, then runs the close callback. */
    private void closeHost(ModuleSocket s, boolean reset) {
        if (s.hostClosed) {
            return;
        }
        s.hostClosed = true;
        notifyAll();
        Socket raw = s.raw;
        Socket conn = s.host;
        ServerSocket server = s.server;
        DatagramSocket udp = s.udp;
        DtlsLink dtls = s.dtls;
        Runnable then = s.onHostClosed;
        Runnable work = () -> {
            if (conn != null) {
                if (reset) {
                    closeQuietly(raw, true);
                } else {
                    closeQuietly(conn, false);
                    closeQuietly(raw, false);
                }
            }
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            if (udp != null) {
                udp.close();
            }
            if (dtls != null) {
                dtls.close(); // also frees its slot of the module's TLS connections
            }
            if (then != null) {
                then.run();
            }
        };
        try {
            threads.execute(work);
        } catch (RejectedExecutionException e) {
            work.run(); // the module is shutting down
        }
    }

    /** The internal route went away (context, registration, radio): every socket closes with +UUSOCL. */
    public synchronized void closeAllByNetwork() {
        for (ModuleSocket s : table) {
            if (s != null) {
                table[s.id] = null;
                s.lastError = SocketErrors.ENOTCONN;
                abort(s);
                urc("+UUSOCL: " + s.id);
            }
        }
    }

    /** Reboot or module shutdown: everything is dropped without a word. */
    public synchronized void dispose() {
        for (ModuleSocket s : table) {
            if (s != null) {
                table[s.id] = null;
                abort(s);
            }
        }
        disposed = true;
        notifyAll();
    }

    /**
     * Fault injection: the remote end of a connected TCP socket closes, as if a FIN had come in: buffered
     * data stays readable, then +UUSOCL. False when the id is not a connected TCP socket.
     */
    public synchronized boolean remoteClose(int id) {
        ModuleSocket s = id >= 0 && id < table.length ? table[id] : null;
        if (s == null || !s.tcp() || s.host == null || s.peerClosed || s.closing) {
            return false;
        }
        s.aborted = true; // stop both threads: the host connection goes away
        closeHost(s, false);
        remoteClosed(s, SocketErrors.NONE);
        return true;
    }

    /** One line per open socket, for the control console. */
    public synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        for (ModuleSocket s : table) {
            if (s == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("socket ").append(s.id).append(' ').append(s.protocol)
                    .append(s.secure ? s.tcp() ? " TLS" : " DTLS" : "")
                    .append(s.tcp() ? " state " + s.tcpState : "")
                    .append(s.remote != null ? " remote " + s.remote.getAddress().getHostAddress() + ":" + s.remote.getPort() : "")
                    .append(s.localPort > 0 ? " local port " + s.localPort : "")
                    .append(" buffered ").append(s.buffered())
                    .append(" unsent ").append(s.unsent());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    private int freeId() {
        for (int i = 0; i < table.length; i++) {
            if (table[i] == null) {
                return i;
            }
        }
        return -1;
    }

    private ModuleSocket require(int id) throws SocketFailure {
        ModuleSocket s = id >= 0 && id < table.length ? table[id] : null;
        if (s == null) {
            throw fail(null, SocketErrors.EBADF, false);
        }
        return s;
    }

    private SocketFailure fail(ModuleSocket s, int errno, boolean freed) {
        lastError = errno;
        if (s != null) {
            s.lastError = errno;
        }
        return new SocketFailure(errno, freed);
    }

    private void urc(String text) {
        if (!disposed) {
            urcs.urc(text);
        }
    }

    private void start(Runnable loop) {
        threads.execute(loop);
    }

    private static void closeQuietly(Socket s, boolean reset) {
        if (s == null) {
            return;
        }
        try {
            if (reset) {
                s.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
