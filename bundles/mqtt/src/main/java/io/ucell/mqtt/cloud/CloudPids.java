package io.ucell.mqtt.cloud;

/** The PIDs of the stack (factory PIDs of the components and Kura's DataService). */
public final class CloudPids {
    /** The CloudConnectionFactory component. */
    public static final String CONNECTION_FACTORY = "io.ucell.mqtt.cloud.CloudConnectionFactory";
    /** Factory PID of the CloudEndpoint (what Kura's UI calls the cloud connection). */
    public static final String ENDPOINT_FACTORY = "io.ucell.mqtt.cloud.CloudEndpoint";
    /** Factory PID of the DataTransportService on the module's MQTT client. */
    public static final String TRANSPORT_FACTORY = "io.ucell.mqtt.cloud.DataTransport";
    public static final String PUBLISHER_FACTORY = "io.ucell.mqtt.cloud.CloudPublisher";
    public static final String SUBSCRIBER_FACTORY = "io.ucell.mqtt.cloud.CloudSubscriber";
    /** Kura's DataService factory PID (store-and-forward); absent in the standalone runtime. */
    public static final String DATA_SERVICE_FACTORY = "org.eclipse.kura.data.DataService";
    public static final String KURA_SERVICE_PID = "kura.service.pid";

    private CloudPids() {
    }
}
