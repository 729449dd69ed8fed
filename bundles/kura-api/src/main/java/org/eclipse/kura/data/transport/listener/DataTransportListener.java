package org.eclipse.kura.data.transport.listener;

import org.eclipse.kura.data.DataTransportToken;

/**
 * Events of a {@link org.eclipse.kura.data.DataTransportService}; called synchronously, so implementations
 * return quickly.
 *
 * @since 1.0.0
 */
public interface DataTransportListener {

    /** @param newSession true when the broker starts a new session (no state kept from before) */
    public void onConnectionEstablished(boolean newSession);

    public void onDisconnecting();

    public void onDisconnected();

    public void onConfigurationUpdating(boolean wasConnected);

    public void onConfigurationUpdated(boolean wasConnected);

    public void onConnectionLost(Throwable cause);

    public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained);

    /** The broker confirmed the message published with this token. */
    public void onMessageConfirmed(DataTransportToken token);
}
