package org.eclipse.kura.cloudconnection;

import java.util.Collections;
import java.util.Map;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The endpoint of a cloud connection: publishes messages, dispatches received ones to subscribers, reports
 * delivery. Applications use CloudPublisher and CloudSubscriber instead of calling it.
 *
 * @noimplement Not meant to be implemented by clients.
 * @since 2.0
 */
@ProviderType
public interface CloudEndpoint {

    /** Publishes; returns a message id when delivery will be confirmed, else null. */
    public String publish(KuraMessage message) throws KuraException;

    public void registerSubscriber(Map<String, Object> subscriptionProperties, CloudSubscriberListener cloudSubscriberListener);

    public void unregisterSubscriber(CloudSubscriberListener cloudSubscriberListener);

    public default Map<String, String> getInfo() {
        return Collections.emptyMap();
    }

    public void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);

    public void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);
}
