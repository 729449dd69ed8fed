package io.ucell.mqtt.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/** A {@link CloudSubscriber}: registers its topic filter with the endpoint and fans messages out to its listeners. */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = CloudPids.SUBSCRIBER_FACTORY,
        service = {CloudSubscriber.class, ConfigurableComponent.class},
        // as Kura's raw MQTT publisher/subscriber: tied to the endpoint factory, listed under the connection in the UI
        property = {"cloud.connection.factory.pid=" + CloudPids.ENDPOINT_FACTORY, "kura.ui.service.hide:Boolean=true",
            "kura.ui.factory.hide=true" })
@Designate(ocd = CloudSubscriberConfig.class, factory = true)
public final class ModuleCloudSubscriber implements CloudSubscriber, ConfigurableComponent {
    private volatile CloudEndpoint endpoint;
    private volatile CloudSubscriberConfig config;
    private final List<CloudSubscriberListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CloudConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final CloudSubscriberListener fanOut = this::deliver;

    public ModuleCloudSubscriber() {
    }

    /** For use without OSGi (tests, embedding). */
    public ModuleCloudSubscriber(CloudEndpoint endpoint, CloudSubscriberConfig config) {
        this.config = config;
        setCloudEndpoint(endpoint);
    }

    @Reference(name = "CloudEndpoint", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCloudEndpoint(CloudEndpoint e) {
        this.endpoint = e;
        if (config != null) {
            e.registerSubscriber(properties(config), fanOut);
        }
        connectionListeners.forEach(l -> ModuleCloudPublisher.register(e, l));
    }

    void unsetCloudEndpoint(CloudEndpoint e) {
        e.unregisterSubscriber(fanOut);
        connectionListeners.forEach(l -> ModuleCloudPublisher.unregister(e, l));
        if (this.endpoint == e) {
            this.endpoint = null;
        }
    }

    @Activate
    void activate(CloudSubscriberConfig c) {
        this.config = c;
        CloudEndpoint e = endpoint;
        if (e != null) {
            e.registerSubscriber(properties(c), fanOut);
        }
    }

    @Modified
    void modified(CloudSubscriberConfig c) {
        this.config = c;
        CloudEndpoint e = endpoint;
        if (e != null) {
            e.unregisterSubscriber(fanOut);
            e.registerSubscriber(properties(c), fanOut);
        }
    }

    @Deactivate
    void deactivate() {
        CloudEndpoint e = endpoint;
        if (e != null) {
            e.unregisterSubscriber(fanOut);
        }
    }

    private static Map<String, Object> properties(CloudSubscriberConfig c) {
        Map<String, Object> p = new HashMap<>();
        p.put(ModuleCloudEndpoint.TOPIC_FILTER, c.topic_filter());
        p.put(ModuleCloudEndpoint.QOS, c.qos());
        return p;
    }

    private void deliver(KuraMessage m) {
        for (CloudSubscriberListener l : listeners) {
            l.onMessageArrived(m);
        }
    }

    @Override
    public void registerCloudSubscriberListener(CloudSubscriberListener l) {
        listeners.add(l);
    }

    @Override
    public void unregisterCloudSubscriberListener(CloudSubscriberListener l) {
        listeners.remove(l);
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.add(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            ModuleCloudPublisher.register(e, l);
        }
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.remove(l);
        CloudEndpoint e = endpoint;
        if (e != null) {
            ModuleCloudPublisher.unregister(e, l);
        }
    }
}
