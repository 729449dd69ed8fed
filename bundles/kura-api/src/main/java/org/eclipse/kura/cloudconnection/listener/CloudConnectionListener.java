package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Connection events of a cloud connection.
 *
 * @since 2.0
 */
@ConsumerType
public interface CloudConnectionListener {

    public void onDisconnected();

    public void onConnectionLost();

    public void onConnectionEstablished();
}
