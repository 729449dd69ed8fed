package io.ucell.mqtt.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/** A {@link CloudPublisher}: adds its topic, QoS, retain and priority to each message and hands it to the endpoint. */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = CloudPids.PUBLISHER_FACTORY,
        service = {CloudPublisher.class, ConfigurableComponent.class},
        // as Kura's raw MQTT publisher/subscriber: tied to the endpoint factory, listed under the connection in the UI
        property = {"cloud.connection.factory.pid=" + CloudPids.ENDPOINT_FACTORY, "kura.ui.service.hide:Boolean=true",
            "kura.ui.factory.hide=true" })
@Designate(ocd = CloudPublisherConfig.class, factory = true)
public final class ModuleCloudPublisher implements CloudPublisher, ConfigurableComponent {
    private volatile CloudEndpoint endpoint;
    private volatile CloudPublisherConfig config;
    private final List<CloudConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<CloudDeliveryListener> deliveryListeners = new CopyOnWriteArrayList<>();

    public ModuleCloudPublisher() {
    }

    /** For use without OSGi (tests, embedding). */
    public ModuleCloudPublisher(CloudEndpoint endpoint, CloudPublisherConfig config) {
        setCloudEndpoint(endpoint);
        this.config = config;
    }

    @Reference(name = "CloudEndpoint", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCloudEndpoint(CloudEndpoint e) {
        this.endpoint = e;
        connectionListeners.forEach(l -> register(e, l));
        deliveryListeners.forEach(e::registerCloudDeliveryListener);
    }

    void unsetCloudEndpoint(CloudEndpoint e) {
        connectionListeners.forEach(l -> unregister(e, l));
        deliveryListeners.forEach(e::unregisterCloudDeliveryListener);
        if (this.endpoint == e) {
            this.endpoint = null;
        }
    }

    @Activate
    @Modified
    void configure(CloudPublisherConfig c) {
        this.config = c;
    }

    @Override
    public String publish(KuraMessage message) throws KuraException {
        CloudEndpoint e = endpoint;
        if (e == null) {
            throw new KuraNotConnectedException("no cloud endpoint bound to this publisher");
        }
        CloudPublisherConfig c = config;
        Map<String, Object> props = new HashMap<>(message.getProperties());
        props.put(ModuleCloudEndpoint.TOPIC, c.topic());
        props.put(ModuleCloudEndpoint.QOS, c.qos());
        props.put(ModuleCloudEndpoint.RETAIN, c.retain());
        props.put(ModuleCloudEndpoint.PRIORITY, c.priority());
        return e.publish(new KuraMessage(message.getPayload(), props));
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.add(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            register(e, l);
        }
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.remove(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            unregister(e, l);
        }
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener l) {
        deliveryListeners.add(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            e.registerCloudDeliveryListener(l);
        }
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener l) {
        deliveryListeners.remove(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            e.unregisterCloudDeliveryListener(l);
        }
    }

    static void register(CloudEndpoint e, CloudConnectionListener l) {
        if (e instanceof CloudConnectionManager) {
            ((CloudConnectionManager) e).registerCloudConnectionListener(l);
        }
    }

    static void unregister(CloudEndpoint e, CloudConnectionListener l) {
        if (e instanceof CloudConnectionManager) {
            ((CloudConnectionManager) e).unregisterCloudConnectionListener(l);
        }
    }
}
