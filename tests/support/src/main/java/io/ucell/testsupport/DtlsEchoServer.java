package io.ucell.testsupport;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * A DTLS 1.2 echo server on loopback (Eclipse Scandium): every datagram goes back to its sender through the
 * same DTLS session. With a PSK ({@link #psk}) or a certificate ({@link #certificate}), optionally requiring a
 * client certificate from a CA. Records the peers' identities ({@link #clients()}).
 */
public final class DtlsEchoServer implements AutoCloseable {
    static {
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final DTLSConnector connector;
    private final List<Principal> clients = new CopyOnWriteArrayList<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    private DtlsEchoServer(DtlsConnectorConfig config) throws Exception {
        connector = new DTLSConnector(config);
        connector.setRawDataReceiver(this::echo);
        connector.start();
    }

    private static Configuration configuration(boolean needClientCertificate) {
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        cfg.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1, TimeUnit.SECONDS);
        cfg.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE,
                needClientCertificate ? CertificateAuthenticationMode.NEEDED : CertificateAuthenticationMode.NONE);
        return cfg;
    }

    /** PSK only: clients must know {@code key} for {@code identity}. */
    public static DtlsEchoServer psk(String identity, byte[] key) throws Exception {
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        store.setKey(identity, key);
        return new DtlsEchoServer(DtlsConnectorConfig.builder(configuration(false))
                .setAddress(new InetSocketAddress(TestPki.loopback(), 0)).setAdvancedPskStore(store).build());
    }

    /**
     * Certificate authentication with {@code server}'s certificate (an EC key: Scandium's suites are ECDSA);
     * {@code clientCa} non-null requires a client certificate issued by it.
     */
    public static DtlsEchoServer certificate(TestPki.Issued server, TestPki.Issued clientCa) throws Exception {
        DtlsConnectorConfig.Builder b = DtlsConnectorConfig.builder(configuration(clientCa != null))
                .setAddress(new InetSocketAddress(TestPki.loopback(), 0))
                .setCertificateIdentityProvider(new SingleCertificateProvider(server.keys().getPrivate(),
                        new Certificate[] {server.cert()}, CertificateType.X_509));
        if (clientCa != null) {
            b.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                    .setTrustedCertificates(clientCa.cert()).build());
        }
        return new DtlsEchoServer(b.build());
    }

    private void echo(RawData in) {
        if (in.getSize() == 0) {
            return;
        }
        Principal who = in.getSenderIdentity();
        if (who != null && !clients.contains(who)) {
            clients.add(who);
        }
        received.add(in.getBytes());
        connector.send(RawData.outbound(in.getBytes(), in.getEndpointContext(), null, false));
    }

    public int port() {
        return connector.getAddress().getPort();
    }

    /** The identities of the clients that sent data (PSK identity or certificate subject). */
    public List<Principal> clients() {
        return clients;
    }

    /** Every datagram received, in order (after decryption). */
    public List<byte[]> received() {
        return received;
    }

    @Override
    public void close() {
        connector.destroy();
    }
}
