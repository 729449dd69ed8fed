package io.ucell.simulator.ppp;

import java.util.concurrent.Executor;

/** TCP from the DTE. First version: every SYN is answered with RST (connection refused). */
final class TcpProxy implements AutoCloseable {
    /** Where packets for the DTE go; false when +UEMBPF kept it. */
    interface Sink {
        boolean deliver(byte[] packet, int dtePort);
    }

    private final PppSetup setup;
    private final Sink sink;

    TcpProxy(PppSetup setup, Sink sink, Executor background) {
        this.setup = setup;
        this.sink = sink;
    }

    void fromDte(Ipv4.Packet p) {
        byte[] s = p.payload();
        if (s.length < 20) {
            return;
        }
        int flags = s[13] & 0xFF;
        if ((flags & 0x04) != 0) {
            return; // never answer a RST
        }
        int srcPort = Ipv4.u16(s, 0);
        int dstPort = Ipv4.u16(s, 2);
        long seq = Integer.toUnsignedLong(readInt(s, 4));
        long ack = Integer.toUnsignedLong(readInt(s, 8));
        int dataOffset = ((s[12] & 0xF0) >>> 4) * 4;
        int len = Math.max(0, s.length - dataOffset) + ((flags & 0x02) != 0 ? 1 : 0) + ((flags & 0x01) != 0 ? 1 : 0);
        // RFC 793 reset generation: ACK set -> seq = their ack; else seq 0, ack = seq + len
        byte[] rst = new byte[20];
        Ipv4.put16(rst, 0, dstPort);
        Ipv4.put16(rst, 2, srcPort);
        if ((flags & 0x10) != 0) {
            writeInt(rst, 4, (int) ack);
            rst[13] = 0x04;
        } else {
            writeInt(rst, 8, (int) (seq + len));
            rst[13] = 0x14;
        }
        rst[12] = 0x50;
        Ipv4.put16(rst, 16, Ipv4.transportChecksum(p.destination(), p.source(), Ipv4.TCP, rst));
        sink.deliver(Ipv4.build(Ipv4.TCP, p.destination(), p.source(), 64, rst), srcPort);
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

    @Override
    public void close() {
    }
}
