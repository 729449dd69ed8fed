package org.eclipse.kura.cloudconnection;

import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraDisconnectException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Connects and disconnects a cloud connection and reports its state.
 *
 * @noimplement Not meant to be implemented by clients.
 * @since 2.0
 */
@ProviderType
public interface CloudConnectionManager {

    public void connect() throws KuraConnectException;

    public void disconnect() throws KuraDisconnectException;

    public boolean isConnected();

    public void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    public void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);
}
