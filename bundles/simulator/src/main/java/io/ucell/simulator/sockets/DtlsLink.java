package io.ucell.simulator.sockets;

import io.ucell.simulator.security.ProfileDtls;
import io.ucell.simulator.security.SecurityProfiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.CertificateMessage;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.CertificateVerificationResult;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTLS 1.2 client of a secure UDP socket (+USOSEC on UDP, then +USOCO): a Scandium connector bound to the
 * socket's local port, talking to the one peer of +USOCO with the security profile's credentials. The handshake
 * runs in {@link #handshake} (so +USOCO answers only once it is done); datagrams then go out encrypted with
 * {@link #send} and come in decrypted through the receiver.
 */
final class DtlsLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsLink.class);

    static {
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final DTLSConnector connector;
    private final EndpointContext peer;
    private final ProfileDtls credentials;

    private DtlsLink(DTLSConnector connector, EndpointContext peer, ProfileDtls credentials) {
        this.connector = connector;
        this.peer = peer;
        this.credentials = credentials;
    }

    /**
     * Binds {@code localPort} (0: any), runs the handshake with {@code remote} and returns the established link;
     * on failure everything is closed (the profile's TLS connection slot too).
     *
     * @param receiver gets every decrypted datagram from the peer
     * @throws SSLException           the handshake failed (alert, certificate refused, wrong PSK)
     * @throws SocketTimeoutException no answer from the peer in time
     */
    static DtlsLink handshake(ProfileDtls credentials, int localPort, InetSocketAddress remote,
            Consumer<byte[]> receiver, int timeoutMs) throws IOException {
        DTLSConnector connector = null;
        try {
            connector = new DTLSConnector(config(credentials, localPort));
            connector.setRawDataReceiver(raw -> receiver.accept(raw.getBytes()));
            connector.start();
            EndpointContext peer = new AddressEndpointContext(remote, credentials.serverName(), null);
            CompletableFuture<Void> established = new CompletableFuture<>();
            // an empty message: Scandium makes the handshake for it, nothing reaches the peer's application
            connector.send(RawData.outbound(new byte[0], peer, new Outcome(established), false));
            established.get(timeoutMs, TimeUnit.MILLISECONDS);
            return new DtlsLink(connector, peer, credentials);
        } catch (TimeoutException e) {
            cleanUp(connector, credentials);
            throw new SocketTimeoutException("no DTLS handshake with " + remote + " in " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            cleanUp(connector, credentials);
            Throwable cause = e.getCause();
            LOG.info("DTLS handshake with {} failed: {}", remote, cause == null ? e : cause.toString());
            throw new SSLException("DTLS handshake with " + remote + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUp(connector, credentials);
            throw new SocketTimeoutException("interrupted");
        } catch (IOException | RuntimeException e) {
            cleanUp(connector, credentials);
            throw e;
        }
    }

    private static void cleanUp(DTLSConnector connector, ProfileDtls credentials) {
        if (connector != null) {
            connector.destroy();
        }
        credentials.close();
    }

    private static DtlsConnectorConfig config(ProfileDtls credentials, int localPort) {
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        cfg.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1, TimeUnit.SECONDS);
        cfg.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2); // a silent server (a wrong PSK) fails in about 7 s
        cfg.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 16);
        cfg.set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, credentials.serverName() != null);
        // the profile's own check (validation level, op 4 host name) decides, not Scandium's
        cfg.set(DtlsConfig.DTLS_VERIFY_SERVER_CERTIFICATES_SUBJECT, false);
        DtlsConnectorConfig.Builder b = DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress(localPort))
                .setAdvancedCertificateVerifier(new ProfileVerifier(credentials));
        SecurityProfiles.Psk psk = credentials.psk();
        if (psk != null) {
            String shown = new String(psk.identity(), StandardCharsets.ISO_8859_1);
            b.setAdvancedPskStore(new AdvancedSinglePskStore(new PskPublicInformation(shown, psk.identity()), psk.key()));
        }
        if (credentials.clientCertificate() != null) {
            b.setCertificateIdentityProvider(new SingleCertificateProvider(credentials.clientKey(),
                    new Certificate[] {credentials.clientCertificate()}, CertificateType.X_509));
        }
        return b.build();
    }

    /** One datagram to the peer, encrypted (sent in the background, as UDP is). */
    void send(byte[] data) {
        connector.send(RawData.outbound(data, peer, null, false));
    }

    @Override
    public void close() {
        connector.destroy();
        credentials.close();
    }

    /** Completes when the handshake is done (or the empty message is sent), fails with the handshake. */
    private static final class Outcome implements MessageCallback {
        private final CompletableFuture<Void> done;

        Outcome(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void onConnecting() {
        }

        @Override
        public void onDtlsRetransmission(int flight) {
        }

        @Override
        public void onContextEstablished(EndpointContext context) {
            done.complete(null);
        }

        @Override
        public void onSent() {
            done.complete(null);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }
    }

    /** The server's certificate chain goes through the security profile's check, as for TLS. */
    private static final class ProfileVerifier implements NewAdvancedCertificateVerifier {
        private final ProfileDtls credentials;

        ProfileVerifier(ProfileDtls credentials) {
            this.credentials = credentials;
        }

        @Override
        public List<CertificateType> getSupportedCertificateTypes() {
            return List.of(CertificateType.X_509);
        }

        @Override
        public CertificateVerificationResult verifyCertificate(ConnectionId cid, ServerNames serverName,
                InetSocketAddress remotePeer, boolean clientUsage, boolean verifySubject,
                boolean truncateCertificatePath, CertificateMessage message) {
            try {
                if (message.getCertificateChain() == null) {
                    throw new CertificateException("server sent no certificate chain");
                }
                X509Certificate[] chain = message.getCertificateChain().getCertificates()
                        .toArray(new X509Certificate[0]);
                credentials.checkServer(chain);
                return new CertificateVerificationResult(cid, message.getCertificateChain(), null);
            } catch (CertificateException | ClassCastException | ArrayStoreException e) {
                LOG.info("DTLS server certificate of {} refused: {}", remotePeer, e.getMessage());
                AlertMessage alert = new AlertMessage(AlertMessage.AlertLevel.FATAL,
                        AlertMessage.AlertDescription.BAD_CERTIFICATE);
                return new CertificateVerificationResult(cid, new HandshakeException(e.getMessage(), alert), null);
            }
        }

        @Override
        public List<X500Principal> getAcceptedIssuers() {
            return List.of();
        }

        @Override
        public void setResultHandler(HandshakeResultHandler resultHandler) {
            // answers at once
        }
    }
}
