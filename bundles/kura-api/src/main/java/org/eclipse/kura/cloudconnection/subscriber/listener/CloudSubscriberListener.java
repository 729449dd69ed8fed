package org.eclipse.kura.cloudconnection.subscriber.listener;

import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the messages of a CloudSubscriber.
 *
 * @since 2.0
 */
@ConsumerType
public interface CloudSubscriberListener {

    public void onMessageArrived(KuraMessage message);
}
