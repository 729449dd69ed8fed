package io.ucell.mqttsn;

/** Receives messages; called on the client's delivery thread, one message at a time, in order. */
@FunctionalInterface
public interface MqttSnMessageListener {
    void messageArrived(MqttSnMessage message);
}
