package org.eclipse.kura.cloudconnection;

import java.util.Collections;
import java.util.Map;

import org.eclipse.kura.KuraException;
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

    public void connect() throws KuraException;

    public void disconnect() throws KuraException;

    public boolean isConnected();

    public default Map<String, String> getInfo() {
        return Collections.emptyMap();
    }

    public void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    public void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);
}
