package io.ucell.at.transport;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/** A local serial port (USB CDC-ACM, UART) through jSerialComm. */
public final class SerialTransport implements Transport {

    private final SerialSettings settings;
    private final int pollMillis;
    private volatile SerialPort port;

    public SerialTransport(SerialSettings settings, int pollMillis) {
        this.settings = settings;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        SerialPort p = SerialPort.getCommPort(settings.portName());
        p.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(), parity());
        p.setFlowControl(settings.rtsCts()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        // semi-blocking: a read returns what has arrived, or 0 after the poll interval
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                pollMillis, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + settings.portName() + " (error "
                    + p.getLastErrorCode() + " at " + p.getLastErrorLocation() + ")");
        }
        port = p;
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("serial port " + settings.portName() + " is closed");
        }
        int n = p.readBytes(buf, len, off);
        if (n < 0) {
            // jSerialComm reports a vanished device (USB re-enumeration) as -1
            throw new IOException("serial port " + settings.portName() + " failed (error " + p.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("serial port " + settings.portName() + " is closed");
        }
        int written = 0;
        while (written < len) {
            int n = p.writeBytes(buf, len - written, off + written);
            if (n < 0) {
                throw new IOException("write to serial port " + settings.portName() + " failed (error "
                        + p.getLastErrorCode() + ")");
            }
            written += n;
        }
    }

    @Override
    public synchronized void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public String describe() {
        return settings.portName() + "@" + settings.baudRate();
    }

    private int stopBits() {
        switch (settings.stopBits()) {
            case ONE_POINT_FIVE:
                return SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO:
                return SerialPort.TWO_STOP_BITS;
            default:
                return SerialPort.ONE_STOP_BIT;
        }
    }

    private int parity() {
        switch (settings.parity()) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            case MARK:
                return SerialPort.MARK_PARITY;
            case SPACE:
                return SerialPort.SPACE_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }
}
