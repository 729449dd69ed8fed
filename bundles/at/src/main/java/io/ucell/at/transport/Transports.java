package io.ucell.at.transport;

import java.net.URI;
import java.net.URISyntaxException;

/** Makes a transport from what a user configures: {@code tcp://host:port} or a serial port name. */
public final class Transports {

    /** How long a read waits before reporting idleness. */
    public static final int POLL_MILLIS = 20;

    private Transports() {
    }

    /**
     * @param endpoint {@code tcp://host:port}, or a serial port name such as {@code /dev/ttyUSB0} or {@code COM3}
     * @param serial   the serial settings to use when {@code endpoint} is a port name (its port name is replaced)
     */
    public static Transport create(String endpoint, SerialSettings serial) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("module endpoint is missing: give tcp://host:port or a serial port name");
        }
        String e = endpoint.trim();
        if (e.regionMatches(true, 0, "tcp://", 0, 6)) {
            URI uri;
            try {
                uri = new URI(e);
            } catch (URISyntaxException ex) {
                throw new IllegalArgumentException("invalid endpoint '" + e + "': " + ex.getMessage(), ex);
            }
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("endpoint '" + e + "' needs a host and a port: tcp://host:port");
            }
            return new TcpTransport(uri.getHost(), uri.getPort(), POLL_MILLIS);
        }
        if (e.contains("://")) {
            throw new IllegalArgumentException("unsupported endpoint '" + e + "': use tcp://host:port or a serial port name");
        }
        return new SerialTransport(new SerialSettings(e, serial.baudRate(), serial.dataBits(), serial.parity(),
                serial.stopBits(), serial.rtsCts()), POLL_MILLIS);
    }
}
