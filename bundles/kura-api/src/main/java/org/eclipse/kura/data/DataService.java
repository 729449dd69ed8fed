package org.eclipse.kura.data;

import java.util.List;

import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.KuraStoreException;
import org.eclipse.kura.KuraTimeoutException;
import org.eclipse.kura.data.listener.DataServiceListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kura's store-and-forward messaging service on top of a {@link DataTransportService}: connection management,
 * a persistent outgoing store, priorities, and {@link DataServiceListener} callbacks.
 *
 * @noimplement Not meant to be implemented by clients.
 */
@ProviderType
public interface DataService {

    public void connect() throws KuraConnectException;

    public boolean isConnected();

    public boolean isAutoConnectEnabled();

    public int getRetryInterval();

    public void disconnect(long quiesceTimeout);

    public void subscribe(String topic, int qos) throws KuraTimeoutException, KuraException, KuraNotConnectedException;

    public void unsubscribe(String topic) throws KuraTimeoutException, KuraException, KuraNotConnectedException;

    /** Stores the message and returns its id; confirmed later through {@link DataServiceListener#onMessageConfirmed}. */
    public int publish(String topic, byte[] payload, int qos, boolean retain, int priority) throws KuraStoreException;

    List<Integer> getUnpublishedMessageIds(String topicRegex) throws KuraStoreException;

    List<Integer> getInFlightMessageIds(String topicRegex) throws KuraStoreException;

    List<Integer> getDroppedInFlightMessageIds(String topicRegex) throws KuraStoreException;

    /** @since 1.0.8 */
    public void addDataServiceListener(DataServiceListener listener);

    /** @since 1.0.8 */
    public void removeDataServiceListener(DataServiceListener listener);
}
