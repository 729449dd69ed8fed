package io.ucell.mqttsn;

/** Told when the session ends without {@link MqttSnService#disconnect()} (+UUMQTTSNC: 0,&lt;reason&gt;). */
@FunctionalInterface
public interface MqttSnConnectionListener {
    /**
     * @param reason the module's code: 101 network connection lost (7.8), 100 inactivity, 102 protocol violation
     *               (as u-blox's ubxlib reads them)
     */
    void connectionLost(int reason);
}
