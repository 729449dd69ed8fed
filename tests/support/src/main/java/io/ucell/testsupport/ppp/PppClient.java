package io.ucell.testsupport.ppp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small PPP client (the DTE's side of a dial-up) for tests: LCP (RFC 1661) with RFC 1662 framing, PAP or CHAP-MD5
 * as the module asks, IPCP with the IP address and DNS options, then IPv4 UDP datagrams and ICMP echo. Runs on an
 * InputStream/OutputStream pair right after CONNECT (see {@link ModemLine}). One reader thread reads a byte at a
 * time and stops after NO CARRIER, or after the OK of an escape, so the streams can carry AT commands again.
 *
 * <pre>
 * ModemLine line = new ModemLine(socket.getInputStream(), socket.getOutputStream());  // socket with a read timeout
 * line.command("ATD*99***1#", Duration.ofSeconds(5));                              // ... CONNECT
 * PppClient ppp = PppClient.connect(line.in(), line.out(), "user", "password", Duration.ofSeconds(10));
 * ppp.sendUdp(40000, InetAddress.getByName("127.0.0.1"), 7, data);
 * PppClient.Datagram d = ppp.receiveUdp(Duration.ofSeconds(5));
 * ppp.terminate(Duration.ofSeconds(5));                                              // true: NO CARRIER seen
 * </pre>
 */
public final class PppClient implements AutoCloseable {
    static final int LCP = 0xC021;
    static final int PAP = 0xC023;
    static final int CHAP = 0xC223;
    static final int IPCP = 0x8021;
    static final int IP = 0x0021;

    /** What the client does when the module asks it to authenticate. */
    public enum AuthChoice {
        /** PAP or CHAP-MD5, whichever the module asks for. */
        AS_ASKED,
        /** PAP only: a CHAP request is Nak-ed with PAP (RFC 1661 6.2), as a PAP-only DTE does. */
        PAP_ONLY,
        /** No authentication: the module's request is rejected. */
        NONE
    }

    /** A UDP datagram the DTE received. */
    public record Datagram(InetAddress source, int sourcePort, int destinationPort, byte[] data) {
    }

    /** Negotiation failed (authentication refused, the module hung up, timeout). */
    public static final class PppException extends IOException {
        public PppException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final String user;
    private final String password;
    private final Object lock = new Object();
    private final PppFraming.Receiver receiver = new PppFraming.Receiver();
    private final BlockingQueue<Datagram> udp = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> icmp = new LinkedBlockingQueue<>();
    private final Random random = new Random();
    private final int magic = new Random().nextInt() | 1;
    private volatile Thread reader;
    private volatile boolean stopOnOk;
    private volatile String endedWith; // "NO CARRIER" or "OK" once the reader stopped
    private int nextId = 1;

    // negotiation state, under lock
    private boolean lcpAckSent;
    private boolean lcpAckReceived;
    private int lcpRequestId = -1;
    private int authProtocol;
    private boolean authDone;
    private String authFailure;
    private int papId = -1;
    private boolean ipcpAckSent;
    private boolean ipcpAckReceived;
    private int ipcpRequestId = -1;
    private byte[] localAddress = new byte[4];
    private byte[] dns1 = new byte[4];
    private byte[] dns2 = new byte[4];
    private boolean askDns1 = true;
    private boolean askDns2 = true;
    private byte[] peerAddress;
    private int peerAccm = 0xFFFFFFFF;
    private boolean compress;
    private boolean askedCompression = true;
    private boolean terminateAcked;
    private int echoReplies;

    private final AuthChoice authChoice;

    private PppClient(InputStream in, OutputStream out, String user, String password, AuthChoice authChoice) {
        this.authChoice = authChoice;
        this.in = in;
        this.out = out;
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
    }

    /**
     * Negotiates LCP, authentication (with {@code user}/{@code password} when the module asks for PAP or CHAP) and
     * IPCP. Returns the open link; throws {@link PppException} when the module refuses or hangs up.
     */
    public static PppClient connect(InputStream in, OutputStream out, String user, String password, Duration timeout)
            throws IOException, InterruptedException {
        return connect(in, out, user, password, AuthChoice.AS_ASKED, timeout);
    }

    /** As {@link #connect(InputStream, OutputStream, String, String, Duration)}, choosing how to authenticate. */
    public static PppClient connect(InputStream in, OutputStream out, String user, String password,
            AuthChoice authChoice, Duration timeout) throws IOException, InterruptedException {
        PppClient c = new PppClient(in, out, user, password, authChoice);
        c.startReader();
        try {
            c.negotiate(timeout);
        } catch (PppException e) {
            // the module ends a refused call itself (Terminate-Request, NO CARRIER): wait for that, so the streams
            // are free for AT commands when this throws
            String end = c.awaitEnd(Duration.ofSeconds(3));
            c.close();
            throw new PppException(e.getMessage() + "; module: " + end);
        }
        return c;
    }

    private void startReader() {
        synchronized (lock) {
            endedWith = null;
            stopOnOk = false;
            receiver.text().setLength(0);
        }
        Thread t = new Thread(this::readLoop, "ppp-client-reader");
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private void negotiate(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextSend = 0;
        while (true) {
            synchronized (lock) {
                if (authFailure != null) {
                    throw new PppException(authFailure);
                }
                if (endedWith != null) {
                    throw new PppException("the module hung up: " + endedWith);
                }
                if (lcpAckSent && lcpAckReceived && ipcpAckSent && ipcpAckReceived) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new PppException("negotiation timed out (LCP " + lcpAckSent + "/" + lcpAckReceived
                            + ", auth " + authDone + ", IPCP " + ipcpAckSent + "/" + ipcpAckReceived + ")");
                }
                if (System.nanoTime() >= nextSend) {
                    // first request, then the restart timer (RFC 1661 4.6): one second
                    if (!lcpAckReceived) {
                        sendLcpRequest();
                    } else if (lcpAckSent && authProtocol == PAP && !authDone) {
                        sendPap();
                    } else if (lcpAckSent && authDone && !ipcpAckReceived) {
                        sendIpcpRequest();
                    }
                    nextSend = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
                lock.wait(50);
            }
        }
    }

    // ------------------------------------------------------------------ public API

    public Inet4Address localAddress() {
        return address(localAddress);
    }

    /** The module's end of the link (its IPCP IP-Address). */
    public Inet4Address peerAddress() {
        synchronized (lock) {
            return peerAddress == null ? null : address(peerAddress);
        }
    }

    public Inet4Address primaryDns() {
        return address(dns1);
    }

    public Inet4Address secondaryDns() {
        return address(dns2);
    }

    /** The authentication protocol the module asked for: 0 none, 0xC023 PAP, 0xC223 CHAP. */
    public int authProtocol() {
        synchronized (lock) {
            return authProtocol;
        }
    }

    /** Frames dropped because their FCS was wrong (0 on a sound link). */
    public int badFrames() {
        synchronized (lock) {
            return receiver.badFrames;
        }
    }

    /** Sends one UDP datagram from {@code sourcePort} of the negotiated address. */
    public void sendUdp(int sourcePort, InetAddress destination, int destinationPort, byte[] data) throws IOException {
        byte[] seg = new byte[8 + data.length];
        put16(seg, 0, sourcePort);
        put16(seg, 2, destinationPort);
        put16(seg, 4, seg.length);
        System.arraycopy(data, 0, seg, 8, data.length);
        byte[] src = localAddress;
        byte[] dst = destination.getAddress();
        int c = transportChecksum(src, dst, 17, seg);
        put16(seg, 6, c == 0 ? 0xFFFF : c);
        sendIp(17, dst, seg);
    }

    /** The next UDP datagram for the DTE, or null after {@code timeout}. */
    public Datagram receiveUdp(Duration timeout) throws InterruptedException {
        return udp.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final java.util.Map<Integer, BlockingQueue<Datagram>> dnsReplies = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Resolves {@code name} (A record) with the primary DNS server IPCP gave: the address, or null when the server
     * says there is no such name or does not answer within {@code timeout}.
     */
    public Inet4Address resolve(String name, Duration timeout) throws IOException, InterruptedException {
        int id = random.nextInt(0xFFFF);
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.writeBytes(new byte[] {(byte) (id >>> 8), (byte) id, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            q.write(l.length);
            q.writeBytes(l);
        }
        q.writeBytes(new byte[] {0, 0, 1, 0, 1});
        int port = 50_000 + random.nextInt(10_000);
        BlockingQueue<Datagram> replies = new LinkedBlockingQueue<>();
        dnsReplies.put(port, replies);
        try {
            sendUdp(port, primaryDns(), 53, q.toByteArray());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Datagram d = left > 0 ? replies.poll(left, TimeUnit.NANOSECONDS) : null;
                if (d == null) {
                    return null;
                }
                byte[] r = d.data();
                if (d.sourcePort() != 53 || r.length < 12 || u16(r, 0) != id) {
                    continue;
                }
                if ((r[3] & 0x0F) != 0 || u16(r, 6) == 0) {
                    return null;
                }
                int i = 12;
                while (r[i] != 0) {
                    i += 1 + (r[i] & 0xFF);
                }
                i += 5; // end of the question
                for (int a = 0; a < u16(r, 6); a++) {
                    i += (r[i] & 0xC0) == 0xC0 ? 2 : skipName(r, i);
                    int type = u16(r, i);
                    int rdlen = u16(r, i + 8);
                    if (type == 1 && rdlen == 4) {
                        return address(Arrays.copyOfRange(r, i + 10, i + 14));
                    }
                    i += 10 + rdlen;
                }
                return null;
            }
        } finally {
            dnsReplies.remove(port);
        }
    }

    private static int skipName(byte[] r, int i) {
        int start = i;
        while (r[i] != 0) {
            i += 1 + (r[i] & 0xFF);
        }
        return i + 1 - start;
    }

    /** ICMP echo to {@code destination}: true when the matching reply came within {@code timeout}. */
    public boolean ping(InetAddress destination, Duration timeout) throws IOException, InterruptedException {
        int id = random.nextInt(0xFFFF);
        byte[] req = new byte[8 + 32];
        req[0] = 8;
        put16(req, 4, id);
        put16(req, 6, 1);
        for (int i = 8; i < req.length; i++) {
            req[i] = (byte) i;
        }
        put16(req, 2, checksum(req, 0, req.length));
        sendIp(1, destination.getAddress(), req);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            byte[] reply = left > 0 ? icmp.poll(left, TimeUnit.NANOSECONDS) : null;
            if (reply == null) {
                return false;
            }
            if (reply[0] == 0 && u16(reply, 4) == id && checksum(reply, 0, reply.length) == 0
                    && Arrays.equals(Arrays.copyOfRange(reply, 8, reply.length), Arrays.copyOfRange(req, 8, req.length))) {
                return true;
            }
        }
    }

    /** LCP Echo-Request: true when the module's Echo-Reply came within {@code timeout}. */
    public boolean lcpEcho(Duration timeout) throws IOException, InterruptedException {
        int before;
        synchronized (lock) {
            before = echoReplies;
            byte[] data = new byte[8];
            putInt(data, 0, magic);
            sendControl(LCP, 9, nextId(), data);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (echoReplies == before && System.nanoTime() < deadline) {
                lock.wait(20);
            }
            return echoReplies > before;
        }
    }

    /**
     * LCP Terminate-Request; waits for the Terminate-Ack and the module's NO CARRIER. True when both came (the
     * streams then carry AT commands again).
     */
    public boolean terminate(Duration timeout) throws IOException, InterruptedException {
        synchronized (lock) {
            sendControl(LCP, 5, nextId(), "bye".getBytes(StandardCharsets.US_ASCII));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!(terminateAcked && endedWith != null) && System.nanoTime() < deadline) {
                lock.wait(20);
            }
            return terminateAcked && "NO CARRIER".equals(endedWith);
        }
    }

    /**
     * The "+++" escape with {@code guard} of silence before and after: waits until the module answers OK (online
     * command mode) or NO CARRIER and returns that text; the reader has stopped then, so AT commands can follow.
     */
    public String escape(Duration guard, Duration timeout) throws IOException, InterruptedException {
        synchronized (lock) {
            receiver.text().setLength(0);
            stopOnOk = true;
        }
        Thread.sleep(guard.toMillis());
        synchronized (out) {
            out.write("+++".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        Thread.sleep(guard.toMillis());
        return awaitEnd(timeout);
    }

    /** After ATO answered CONNECT: reads PPP frames again. */
    public void resume() {
        startReader();
    }

    /** Waits until the reader stopped (NO CARRIER, or OK after an escape): that text, or null on timeout. */
    public String awaitEnd(Duration timeout) throws InterruptedException {
        Thread t = reader;
        if (t != null) {
            t.join(timeout.toMillis());
        }
        return endedWith;
    }

    /** The module's text seen between frames so far (CONNECT leftovers, NO CARRIER, OK). */
    public String textSeen() {
        synchronized (lock) {
            return receiver.text().toString();
        }
    }

    /** Stops the reader (it leaves the streams within its read timeout, or at once on NO CARRIER). */
    @Override
    public void close() {
        Thread t = reader;
        synchronized (lock) {
            endedWith = endedWith == null ? "closed" : endedWith;
            lock.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ reading

    private void readLoop() {
        try {
            while (endedWith == null && !Thread.currentThread().isInterrupted()) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (b < 0) {
                    finish("EOF");
                    return;
                }
                byte[] frame;
                synchronized (lock) {
                    frame = receiver.feed(b);
                    String text = receiver.text().toString();
                    if (text.endsWith("NO CARRIER\r\n")) {
                        finish("NO CARRIER");
                        return;
                    }
                    if (stopOnOk && text.endsWith("\r\nOK\r\n")) {
                        finish("OK");
                        return;
                    }
                }
                if (frame != null) {
                    onFrame(frame);
                }
            }
        } catch (IOException e) {
            finish("read failed: " + e);
        }
    }

    private void finish(String why) {
        synchronized (lock) {
            endedWith = endedWith == null ? why : endedWith;
            lock.notifyAll();
        }
    }

    private void onFrame(byte[] f) throws IOException {
        int i = 0;
        if (f.length >= 2 && (f[0] & 0xFF) == 0xFF && f[1] == 0x03) {
            i = 2;
        }
        if (i >= f.length) {
            return;
        }
        int protocol = f[i++] & 0xFF;
        if ((protocol & 1) == 0 && i < f.length) {
            protocol = (protocol << 8) | (f[i++] & 0xFF);
        }
        byte[] p = Arrays.copyOfRange(f, i, f.length);
        synchronized (lock) {
            switch (protocol) {
                case LCP -> onLcp(p);
                case PAP -> onPap(p);
                case CHAP -> onChap(p);
                case IPCP -> onIpcp(p);
                case IP -> onIp(p);
                default -> {
                }
            }
            lock.notifyAll();
        }
    }

    // ------------------------------------------------------------------ LCP

    private void sendLcpRequest() throws IOException {
        lcpRequestId = nextId();
        askedCompression = true;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        option(o, 1, bytes16(1500));
        option(o, 2, new byte[4]); // ACCM 0: only flag and escape need escaping towards us
        byte[] m = new byte[4];
        putInt(m, 0, magic);
        option(o, 5, m);
        option(o, 7, new byte[0]);
        option(o, 8, new byte[0]);
        sendControl(LCP, 1, lcpRequestId, o.toByteArray());
    }

    private void onLcp(byte[] p) throws IOException {
        if (p.length < 4) {
            return;
        }
        int code = p[0] & 0xFF;
        int id = p[1] & 0xFF;
        byte[] data = Arrays.copyOfRange(p, 4, Math.min(p.length, u16(p, 2)));
        switch (code) {
            case 1 -> {
                List<byte[]> reject = new ArrayList<>();
                List<byte[]> nak = new ArrayList<>();
                int auth = 0;
                int accm = 0xFFFFFFFF;
                for (byte[] opt : options(data)) {
                    int type = opt[0] & 0xFF;
                    switch (type) {
                        case 1, 5, 7, 8 -> {
                        }
                        case 2 -> accm = readInt(opt, 2);
                        case 3 -> {
                            int proto = u16(opt, 2);
                            boolean md5 = proto == CHAP && opt.length >= 5 && opt[4] == 5;
                            if (authChoice == AuthChoice.NONE) {
                                reject.add(opt);
                            } else if (proto == PAP || (md5 && authChoice == AuthChoice.AS_ASKED)) {
                                auth = proto;
                            } else {
                                nak.add(new byte[] {3, 4, (byte) 0xC0, 0x23}); // we would do PAP
                            }
                        }
                        default -> reject.add(opt);
                    }
                }
                if (!reject.isEmpty()) {
                    sendControl(LCP, 4, id, concat(reject));
                } else if (!nak.isEmpty()) {
                    sendControl(LCP, 3, id, concat(nak));
                } else {
                    sendControl(LCP, 2, id, data);
                    lcpAckSent = true;
                    authProtocol = auth;
                    authDone = auth == 0;
                    peerAccm = accm;
                }
            }
            case 2 -> {
                if (id == lcpRequestId) {
                    lcpAckReceived = true;
                    compress = askedCompression; // the module agreed to PFC and ACFC when we asked for them
                }
            }
            case 3, 4 -> {
                // the simulator accepts our request; a real module might not: fall back to the bare minimum
                if (id == lcpRequestId) {
                    askedCompression = false;
                    lcpRequestId = nextId();
                    byte[] m = new byte[4];
                    putInt(m, 0, magic);
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    option(o, 5, m);
                    sendControl(LCP, 1, lcpRequestId, o.toByteArray());
                }
            }
            case 5 -> {
                sendControl(LCP, 6, id, new byte[0]);
            }
            case 6 -> terminateAcked = true;
            case 9 -> {
                byte[] reply = data.clone();
                if (reply.length >= 4) {
                    putInt(reply, 0, magic);
                }
                sendControl(LCP, 10, id, reply);
            }
            case 10 -> echoReplies++;
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ PAP / CHAP

    private void sendPap() throws IOException {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] d = new byte[2 + u.length + pw.length];
        d[0] = (byte) u.length;
        System.arraycopy(u, 0, d, 1, u.length);
        d[1 + u.length] = (byte) pw.length;
        System.arraycopy(pw, 0, d, 2 + u.length, pw.length);
        papId = nextId();
        sendControl(PAP, 1, papId, d);
    }

    private void onPap(byte[] p) {
        if (p.length < 4 || (p[1] & 0xFF) != papId) {
            return;
        }
        if (p[0] == 2) {
            authDone = true;
        } else if (p[0] == 3) {
            authFailure = "PAP authentication refused";
        }
    }

    private void onChap(byte[] p) throws IOException {
        if (p.length < 5) {
            return;
        }
        int code = p[0] & 0xFF;
        int id = p[1] & 0xFF;
        if (code == 1) {
            int vl = p[4] & 0xFF;
            byte[] challenge = Arrays.copyOfRange(p, 5, 5 + vl);
            byte[] value;
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                md5.update((byte) id);
                md5.update(password.getBytes(StandardCharsets.UTF_8));
                md5.update(challenge);
                value = md5.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            byte[] d = new byte[1 + value.length + name.length];
            d[0] = (byte) value.length;
            System.arraycopy(value, 0, d, 1, value.length);
            System.arraycopy(name, 0, d, 1 + value.length, name.length);
            sendControl(CHAP, 2, id, d);
        } else if (code == 3) {
            authDone = true;
        } else if (code == 4) {
            authFailure = "CHAP authentication refused";
        }
    }

    // ------------------------------------------------------------------ IPCP

    private void sendIpcpRequest() throws IOException {
        ipcpRequestId = nextId();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        option(o, 3, localAddress);
        if (askDns1) {
            option(o, 129, dns1);
        }
        if (askDns2) {
            option(o, 131, dns2);
        }
        sendControl(IPCP, 1, ipcpRequestId, o.toByteArray());
    }

    private void onIpcp(byte[] p) throws IOException {
        if (p.length < 4) {
            return;
        }
        int code = p[0] & 0xFF;
        int id = p[1] & 0xFF;
        byte[] data = Arrays.copyOfRange(p, 4, Math.min(p.length, u16(p, 2)));
        switch (code) {
            case 1 -> {
                for (byte[] opt : options(data)) {
                    if ((opt[0] & 0xFF) == 3 && opt.length == 6) {
                        peerAddress = Arrays.copyOfRange(opt, 2, 6);
                    }
                }
                sendControl(IPCP, 2, id, data);
                ipcpAckSent = true;
            }
            case 2 -> {
                if (id == ipcpRequestId) {
                    ipcpAckReceived = true;
                }
            }
            case 3, 4 -> {
                if (id != ipcpRequestId) {
                    return;
                }
                for (byte[] opt : options(data)) {
                    int type = opt[0] & 0xFF;
                    byte[] v = Arrays.copyOfRange(opt, 2, opt.length);
                    if (code == 3 && v.length == 4) {
                        switch (type) {
                            case 3 -> localAddress = v;
                            case 129 -> dns1 = v;
                            case 131 -> dns2 = v;
                            default -> {
                            }
                        }
                    } else if (code == 4) {
                        if (type == 129) {
                            askDns1 = false;
                        } else if (type == 131) {
                            askDns2 = false;
                        }
                    }
                }
                sendIpcpRequest();
            }
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ IPv4

    private void onIp(byte[] p) throws IOException {
        if (p.length < 20 || (p[0] & 0xF0) != 0x40 || checksum(p, 0, (p[0] & 0x0F) * 4) != 0) {
            return;
        }
        int ihl = (p[0] & 0x0F) * 4;
        int total = Math.min(p.length, u16(p, 2));
        byte[] src = Arrays.copyOfRange(p, 12, 16);
        byte[] dst = Arrays.copyOfRange(p, 16, 20);
        byte[] payload = Arrays.copyOfRange(p, ihl, total);
        switch (p[9]) {
            case 17 -> {
                if (payload.length < 8 || transportChecksum(src, dst, 17, payload) != 0) {
                    return; // a bad UDP checksum means the module built it wrong: the test will miss it
                }
                int len = u16(payload, 4);
                Datagram d = new Datagram(address(src), u16(payload, 0), u16(payload, 2),
                        Arrays.copyOfRange(payload, 8, len));
                BlockingQueue<Datagram> dnsQueue = dnsReplies.get(d.destinationPort());
                (dnsQueue != null ? dnsQueue : udp).add(d);
            }
            case 1 -> icmp.add(payload);
            case 6 -> {
                if (payload.length >= 20 && transportChecksum(src, dst, 6, payload) == 0) {
                    TcpConnection c = tcp.get(u16(payload, 2) + "/" + address(src).getHostAddress() + "/"
                            + u16(payload, 0));
                    if (c != null) {
                        c.onSegment(payload);
                    }
                }
            }
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ TCP

    private final java.util.Map<String, TcpConnection> tcp = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Opens a TCP connection from {@code localPort} (three-way handshake). Throws when the module answers RST or
     * nothing within {@code timeout}. No retransmission: the PPP link is lossless.
     */
    public TcpConnection openTcp(int localPort, InetAddress destination, int port, Duration timeout)
            throws IOException, InterruptedException {
        TcpConnection c = new TcpConnection(localPort, (Inet4Address) destination, port);
        tcp.put(localPort + "/" + destination.getHostAddress() + "/" + port, c);
        synchronized (lock) {
            c.sendSegment(0x02, new byte[0]);
            c.sndNxt++;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!c.established && !c.reset && System.nanoTime() < deadline) {
                lock.wait(20);
            }
            if (!c.established) {
                throw new PppException(c.reset ? "TCP connection refused (RST)" : "TCP handshake timed out");
            }
        }
        return c;
    }

    /** One TCP connection of the DTE (the bare minimum of RFC 793; guarded by the client's lock). */
    public final class TcpConnection implements AutoCloseable {
        private final int localPort;
        private final Inet4Address remote;
        private final int remotePort;
        private int sndNxt = random.nextInt();
        private int rcvNxt;
        private boolean established;
        private boolean reset;
        private boolean eof;
        private boolean finAcked;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int readPos;

        private TcpConnection(int localPort, Inet4Address remote, int remotePort) {
            this.localPort = localPort;
            this.remote = remote;
            this.remotePort = remotePort;
        }

        private void sendSegment(int flags, byte[] data) throws IOException {
            byte[] seg = new byte[20 + data.length];
            put16(seg, 0, localPort);
            put16(seg, 2, remotePort);
            putInt(seg, 4, sndNxt);
            putInt(seg, 8, (flags & 0x10) != 0 ? rcvNxt : 0);
            seg[12] = 0x50;
            seg[13] = (byte) flags;
            put16(seg, 14, 65_535);
            System.arraycopy(data, 0, seg, 20, data.length);
            put16(seg, 16, transportChecksum(localAddress, remote.getAddress(), 6, seg));
            sendIp(6, remote.getAddress(), seg);
        }

        private void onSegment(byte[] s) throws IOException {
            int seq = readInt(s, 4);
            int ack = readInt(s, 8);
            int flags = s[13] & 0x3F;
            int off = ((s[12] & 0xF0) >>> 4) * 4;
            byte[] data = Arrays.copyOfRange(s, Math.min(off, s.length), s.length);
            if ((flags & 0x04) != 0) {
                reset = true;
                return;
            }
            if ((flags & 0x02) != 0) {
                if (!established && (flags & 0x10) != 0 && ack == sndNxt) {
                    rcvNxt = seq + 1;
                    established = true;
                    sendSegment(0x10, new byte[0]);
                }
                return;
            }
            if ((flags & 0x10) != 0 && eofSent && ack == sndNxt) {
                finAcked = true;
            }
            if (seq != rcvNxt) {
                sendSegment(0x10, new byte[0]);
                return;
            }
            if (data.length > 0) {
                received.writeBytes(data);
                rcvNxt += data.length;
            }
            if ((flags & 0x01) != 0) {
                rcvNxt += 1;
                eof = true;
            }
            if (data.length > 0 || (flags & 0x01) != 0) {
                sendSegment(0x10, new byte[0]);
            }
        }

        private boolean eofSent;

        /** Sends {@code data} in segments of at most 536 bytes (the default MSS). */
        public void write(byte[] data) throws IOException {
            synchronized (lock) {
                for (int i = 0; i < data.length; i += 536) {
                    byte[] part = Arrays.copyOfRange(data, i, Math.min(data.length, i + 536));
                    sendSegment(0x18, part);
                    sndNxt += part.length;
                }
            }
        }

        /** Exactly {@code n} bytes, or fewer when the peer closed or the time ran out. */
        public byte[] read(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (received.size() - readPos < n && !eof && !reset && System.nanoTime() < deadline) {
                    lock.wait(20);
                }
                byte[] all = received.toByteArray();
                int m = Math.min(n, all.length - readPos);
                byte[] out = Arrays.copyOfRange(all, readPos, readPos + m);
                readPos += m;
                return out;
            }
        }

        /** True once the peer's FIN came (after all its data). */
        public boolean awaitEof(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (!eof && !reset && System.nanoTime() < deadline) {
                    lock.wait(20);
                }
                return eof;
            }
        }

        public boolean wasReset() {
            synchronized (lock) {
                return reset;
            }
        }

        /** Sends FIN and waits (at most 5 s) until it is acknowledged. */
        @Override
        public void close() throws IOException {
            synchronized (lock) {
                if (!eofSent && !reset) {
                    sendSegment(0x11, new byte[0]);
                    sndNxt += 1;
                    eofSent = true;
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!finAcked && !reset && System.nanoTime() < deadline) {
                    try {
                        lock.wait(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** True when the peer acknowledged our FIN. */
        public boolean finAcknowledged() {
            synchronized (lock) {
                return finAcked;
            }
        }
    }

    private void sendIp(int protocol, byte[] dst, byte[] payload) throws IOException {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        put16(p, 2, p.length);
        put16(p, 4, random.nextInt(0xFFFF));
        p[8] = 64;
        p[9] = (byte) protocol;
        System.arraycopy(localAddress, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        put16(p, 10, checksum(p, 0, 20));
        System.arraycopy(payload, 0, p, 20, payload.length);
        synchronized (lock) {
            sendFrame(IP, p);
        }
    }

    // ------------------------------------------------------------------ frames

    private void sendControl(int protocol, int code, int id, byte[] data) throws IOException {
        byte[] p = new byte[4 + data.length];
        p[0] = (byte) code;
        p[1] = (byte) id;
        put16(p, 2, p.length);
        System.arraycopy(data, 0, p, 4, data.length);
        sendFrame(protocol, p);
    }

    private void sendFrame(int protocol, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        boolean lcp = protocol == LCP;
        if (lcp || !compress) {
            f.write(0xFF);
            f.write(0x03);
        }
        if (!lcp && compress && protocol < 0x100) {
            f.write(protocol); // PFC
        } else {
            f.write(protocol >>> 8);
            f.write(protocol);
        }
        f.writeBytes(payload);
        byte[] framed = PppFraming.frame(f.toByteArray(), lcp ? 0xFFFFFFFF : peerAccm);
        synchronized (out) {
            try {
                out.write(framed);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int nextId() {
        nextId = (nextId + 1) & 0xFF;
        return nextId;
    }

    // ------------------------------------------------------------------ bytes

    private static void option(ByteArrayOutputStream o, int type, byte[] value) {
        o.write(type);
        o.write(value.length + 2);
        o.writeBytes(value);
    }

    private static List<byte[]> options(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i + 2 <= data.length) {
            int len = data[i + 1] & 0xFF;
            if (len < 2 || i + len > data.length) {
                break;
            }
            out.add(Arrays.copyOfRange(data, i, i + len));
            i += len;
        }
        return out;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        parts.forEach(o::writeBytes);
        return o.toByteArray();
    }

    private static byte[] bytes16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static int readInt(byte[] b, int off) {
        return (u16(b, off) << 16) | u16(b, off + 2);
    }

    static void putInt(byte[] b, int off, int v) {
        put16(b, off, v >>> 16);
        put16(b, off + 2, v);
    }

    static int checksum(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xFF;
            int lo = i + 1 < len ? b[off + i + 1] & 0xFF : 0;
            s += (hi << 8) | lo;
        }
        while ((s >> 16) != 0) {
            s = (s & 0xFFFF) + (s >> 16);
        }
        return (int) (~s & 0xFFFF);
    }

    static int transportChecksum(byte[] src, byte[] dst, int protocol, byte[] segment) {
        byte[] all = new byte[12 + segment.length];
        System.arraycopy(src, 0, all, 0, 4);
        System.arraycopy(dst, 0, all, 4, 4);
        all[9] = (byte) protocol;
        put16(all, 10, segment.length);
        System.arraycopy(segment, 0, all, 12, segment.length);
        return checksum(all, 0, all.length);
    }

    private static Inet4Address address(byte[] b) {
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
