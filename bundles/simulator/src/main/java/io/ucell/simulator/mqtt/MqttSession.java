package io.ucell.simulator.mqtt;

import io.ucell.simulator.security.ProfileTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One broker connection of the simulated module, on Eclipse Paho: connect, publish, subscribe, unsubscribe,
 * disconnect, each a future. {@link #abort()} is what a lost network does to it: the TCP connection is reset
 * without an MQTT DISCONNECT, so the broker publishes the will. Free of AT concerns so that other simulated
 * clients (MQTT-SN mapped onto the same broker) can use it.
 */
public final class MqttSession {

    /** Called on Paho's threads; must not block. */
    public interface Listener {
        void messageArrived(String topic, byte[] payload, int qos, boolean retained);

        /** The broker connection ended by itself (not after {@link #abort()} or {@link #disconnect()}). */
        void connectionLost(Throwable cause);
    }

    /**
     * Where and how to connect: the address the module resolved, and the TLS of a security profile (null for plain
     * TCP), which names and checks the server itself; the session closes it when it ends.
     */
    public record Endpoint(String address, int port, ProfileTls tls) {
        String uri() {
            String h = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
            return (tls != null ? "ssl://" : "tcp://") + h + ":" + port;
        }
    }

    /** The CONNECT packet's contents. Will topic null for none. */
    public record ConnectOptions(String clientId, String userName, String password, int keepAliveSeconds,
            boolean cleanSession, String willTopic, byte[] willMessage, int willQos, boolean willRetain,
            int connectTimeoutSeconds) {
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ProfileTls tls;
    private volatile boolean ended;

    public MqttSession(Endpoint endpoint, ConnectOptions o, Listener listener) throws MqttException {
        client = new MqttAsyncClient(endpoint.uri(), o.clientId(), new MemoryPersistence());
        options = new MqttConnectOptions();
        // the module implements MQTT 3.1 (section 6)
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setCleanSession(o.cleanSession());
        options.setKeepAliveInterval(o.keepAliveSeconds());
        options.setConnectionTimeout(o.connectTimeoutSeconds());
        options.setAutomaticReconnect(false);
        options.setMaxInflight(64);
        if (o.userName() != null && !o.userName().isEmpty()) {
            options.setUserName(o.userName());
            if (o.password() != null && !o.password().isEmpty()) {
                options.setPassword(o.password().toCharArray());
            }
        }
        if (o.willTopic() != null && !o.willTopic().isEmpty()) {
            options.setWill(o.willTopic(), o.willMessage(), o.willQos(), o.willRetain());
        }
        tls = endpoint.tls();
        if (tls != null) {
            options.setSocketFactory(new TrackingTlsFactory(tls));
            // the profile's validation level decides about the host name, not Paho
            options.setHttpsHostnameVerificationEnabled(false);
        } else {
            options.setSocketFactory(new TrackingFactory());
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                if (!ended) {
                    ended = true;
                    listener.connectionLost(cause);
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                listener.messageArrived(topic, message.getPayload(), message.getQos(), message.isRetained());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publish futures complete through their own action listeners
            }
        });
    }

    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            client.connect(options, null, action(f, t -> null));
        } catch (MqttException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Completes when QoS 0 is written, QoS 1 acknowledged, QoS 2 completed. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            client.publish(topic, payload, qos, retain, null, action(f, t -> null));
        } catch (MqttException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Completes with the QoS the broker granted (128 = refused). */
    public CompletableFuture<Integer> subscribe(String topicFilter, int qos) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        try {
            client.subscribe(topicFilter, qos, null, action(f, t -> {
                int[] granted = t.getGrantedQos();
                return granted == null || granted.length == 0 ? qos : granted[0];
            }));
        } catch (MqttException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            client.unsubscribe(topicFilter, null, action(f, t -> null));
        } catch (MqttException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** A clean DISCONNECT (the broker discards the will), then the client is closed. */
    public CompletableFuture<Void> disconnect() {
        ended = true;
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            client.disconnect(500, null, action(f, t -> null));
        } catch (MqttException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f.whenComplete((v, e) -> close());
    }

    /** Network gone: reset the TCP connection, no DISCONNECT, so the broker sends the will. */
    public void abort() {
        ended = true;
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
            } catch (SocketException e) {
                // closing anyway
            }
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        close();
    }

    public boolean isConnected() {
        return !ended && client.isConnected();
    }

    private void close() {
        if (tls != null) {
            tls.close(); // one of the module's 4 TLS connections free again
        }
        Thread t = new Thread(() -> {
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (MqttException | RuntimeException e) {
                // not connected any more
            }
            try {
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                // nothing left to close
            }
        }, "ucell-sim-mqtt-close");
        t.setDaemon(true);
        t.start();
    }

    private static <T> IMqttActionListener action(CompletableFuture<T> f, java.util.function.Function<IMqttToken, T> value) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                f.complete(value.apply(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                f.completeExceptionally(e != null ? e : new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION));
            }
        };
    }

    /** Plain TCP sockets, remembered so that {@link #abort()} can reset them. */
    private final class TrackingFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        private Socket track(Socket s) {
            sockets.add(s);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(plain.createSocket(address, port, localAddress, localPort));
        }
    }

    /**
     * TLS sockets on the security profile, remembered so that {@link #abort()} can reset them. Paho asks for an
     * unconnected socket and connects it to the address; the TLS layer goes on top once connected, for the
     * broker's configured name (not the address) and with the profile's parameters, which Paho's own SNI does
     * not replace.
     */
    private final class TrackingTlsFactory extends SSLSocketFactory {
        private final ProfileTls profile;
        private final SSLSocketFactory layered;

        TrackingTlsFactory(ProfileTls profile) {
            this.profile = profile;
            this.layered = profile.context().getSocketFactory();
        }

        private Socket secure(Socket plain, String host, int port) throws IOException {
            sockets.add(plain);
            return layered.createSocket(plain, host, port, true);
        }

        @Override
        public Socket createSocket() {
            return new ProfileTlsSocket(profile, layered, sockets::add);
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            sockets.add(s);
            return layered.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return secure(new Socket(host, port), host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return secure(new Socket(host, port, localHost, localPort), host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return secure(new Socket(host, port), host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return secure(new Socket(address, port, localAddress, localPort), address.getHostAddress(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return layered.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return layered.getSupportedCipherSuites();
        }
    }
}
