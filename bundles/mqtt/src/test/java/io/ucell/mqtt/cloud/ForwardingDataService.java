package io.ucell.mqtt.cloud;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraStoreException;
import org.eclipse.kura.data.DataService;
import org.eclipse.kura.data.DataTransportService;
import org.eclipse.kura.data.DataTransportToken;
import org.eclipse.kura.data.listener.DataServiceListener;
import org.eclipse.kura.data.transport.listener.DataTransportListener;

/**
 * What Kura's DataService does with a transport, without its store: ids of its own for published messages,
 * confirmations mapped from transport tokens, events passed on. For testing the endpoint's DataService path.
 */
final class ForwardingDataService implements DataService, DataTransportListener {
    private record InFlight(int id, String topic) {
    }

    private final DataTransportService transport;
    private final List<DataServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<DataTransportToken, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    ForwardingDataService(DataTransportService transport) {
        this.transport = transport;
        transport.addDataTransportListener(this);
    }

    @Override
    public void connect() throws KuraConnectException {
        transport.connect();
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public boolean isAutoConnectEnabled() {
        return false;
    }

    @Override
    public int getRetryInterval() {
        return 0;
    }

    @Override
    public void disconnect(long quiesceTimeout) {
        transport.disconnect(quiesceTimeout);
    }

    @Override
    public void subscribe(String topic, int qos) throws KuraException {
        transport.subscribe(topic, qos);
    }

    @Override
    public void unsubscribe(String topic) throws KuraException {
        transport.unsubscribe(topic);
    }

    @Override
    public synchronized int publish(String topic, byte[] payload, int qos, boolean retain, int priority) throws KuraStoreException {
        int id = ids.incrementAndGet();
        try {
            DataTransportToken token = transport.publish(topic, payload, qos, retain);
            if (token != null) {
                inFlight.put(token, new InFlight(id, topic));
            }
        } catch (KuraException e) {
            throw new KuraStoreException(e, "kept for later (the real DataService stores it)");
        }
        listeners.forEach(l -> l.onMessagePublished(id, topic));
        return id;
    }

    @Override
    public List<Integer> getUnpublishedMessageIds(String topicRegex) {
        return List.of();
    }

    @Override
    public List<Integer> getInFlightMessageIds(String topicRegex) {
        return inFlight.values().stream().map(InFlight::id).toList();
    }

    @Override
    public List<Integer> getDroppedInFlightMessageIds(String topicRegex) {
        return List.of();
    }

    @Override
    public void addDataServiceListener(DataServiceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeDataServiceListener(DataServiceListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onConnectionEstablished(boolean newSession) {
        listeners.forEach(DataServiceListener::onConnectionEstablished);
    }

    @Override
    public void onDisconnecting() {
        listeners.forEach(DataServiceListener::onDisconnecting);
    }

    @Override
    public void onDisconnected() {
        listeners.forEach(DataServiceListener::onDisconnected);
    }

    @Override
    public void onConfigurationUpdating(boolean wasConnected) {
    }

    @Override
    public void onConfigurationUpdated(boolean wasConnected) {
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        listeners.forEach(l -> l.onConnectionLost(cause));
    }

    @Override
    public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained) {
        listeners.forEach(l -> l.onMessageArrived(topic, payload, qos, retained));
    }

    @Override
    public synchronized void onMessageConfirmed(DataTransportToken token) {
        InFlight m = inFlight.remove(token);
        if (m != null) {
            listeners.forEach(l -> l.onMessageConfirmed(m.id(), m.topic()));
        }
    }
}
