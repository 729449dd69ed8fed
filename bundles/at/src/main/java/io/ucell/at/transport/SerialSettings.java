package io.ucell.at.transport;

/** Settings of a serial port: u-blox modules default to 115200 8N1 with RTS/CTS on the main UART. */
public record SerialSettings(String portName, int baudRate, int dataBits, Parity parity, StopBits stopBits,
        boolean rtsCts) {

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    public SerialSettings {
        if (portName == null || portName.isBlank()) {
            throw new IllegalArgumentException("serial port name is missing");
        }
        if (baudRate < 300 || baudRate > 4_000_000) {
            throw new IllegalArgumentException("baud rate must be 300..4000000, got " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, got " + dataBits);
        }
        if (parity == null || stopBits == null) {
            throw new IllegalArgumentException("parity and stop bits are required");
        }
    }

    /** 8N1 at the given baud rate, with or without RTS/CTS. */
    public static SerialSettings of(String portName, int baudRate, boolean rtsCts) {
        return new SerialSettings(portName, baudRate, 8, Parity.NONE, StopBits.ONE, rtsCts);
    }
}
