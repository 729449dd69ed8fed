package org.eclipse.kura.data.listener;

import org.osgi.annotation.versioning.ConsumerType;

/** Events of Kura's DataService; called synchronously, so implementations return quickly. */
@ConsumerType
public interface DataServiceListener {

    public void onConnectionEstablished();

    public void onDisconnecting();

    public void onDisconnected();

    public void onConnectionLost(Throwable cause);

    public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained);

    public void onMessagePublished(int messageId, String topic);

    public void onMessageConfirmed(int messageId, String topic);
}
