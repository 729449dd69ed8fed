package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a published message was confirmed.
 *
 * @since 2.0
 */
@ConsumerType
public interface CloudDeliveryListener {

    public void onMessageConfirmed(String messageId);
}
