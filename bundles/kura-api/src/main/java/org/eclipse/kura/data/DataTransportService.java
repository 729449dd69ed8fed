package org.eclipse.kura.data;

import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.KuraTimeoutException;
import org.eclipse.kura.KuraTooManyInflightMessagesException;
import org.eclipse.kura.data.transport.listener.DataTransportListener;

/**
 * The transport under Kura's DataService: connects to a broker, publishes, subscribes, and tells its
 * {@link DataTransportListener}s about connection events, arriving messages and confirmed publishes.
 */
public interface DataTransportService {

    /** Connects; blocks until connected or failed. */
    public void connect() throws KuraConnectException;

    public boolean isConnected();

    public String getBrokerUrl();

    public String getAccountName();

    public String getUsername();

    public String getClientId();

    /** Disconnects, waiting up to {@code quiesceTimeout} ms for in-flight messages. */
    public void disconnect(long quiesceTimeout);

    public void subscribe(String topic, int qos) throws KuraTimeoutException, KuraException, KuraNotConnectedException;

    public void unsubscribe(String topic) throws KuraTimeoutException, KuraException, KuraNotConnectedException;

    /**
     * Hands a message to the transport; the token (null for QoS 0) is confirmed later through
     * {@link DataTransportListener#onMessageConfirmed(DataTransportToken)}.
     */
    public DataTransportToken publish(String topic, byte[] payload, int qos, boolean retain)
            throws KuraTooManyInflightMessagesException, KuraException, KuraNotConnectedException;

    /** @since 1.1.0 */
    public void addDataTransportListener(DataTransportListener listener);

    /** @since 1.1.0 */
    public void removeDataTransportListener(DataTransportListener listener);
}
