package io.ucell.simulator.mqttsn;

import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's topic table for one session (MQTT-SN 1.2): normal topic names get ids 1, 2, 3... when registered
 * or subscribed; predefined ids come from the simulator's configuration; short topic names are their own two
 * characters. Incoming MQTT topics are mapped back the same way (an unknown name gets an id, as a gateway's
 * REGISTER to the client would give it).
 */
final class MqttSnTopics {
    static final int NORMAL = 0;
    static final int PREDEFINED = 1;
    static final int SHORT = 2;

    /** A topic as the AT interface shows it: type and the text of its id or short name. */
    record SnTopic(int type, String text) {
    }

    private final Map<Integer, String> predefined;
    private final Map<String, Integer> idByName = new HashMap<>();
    private final Map<Integer, String> nameById = new HashMap<>();
    private int nextId = 1;

    MqttSnTopics(Map<Integer, String> predefined) {
        this.predefined = Map.copyOf(predefined);
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.length() <= 255 && name.indexOf('+') < 0 && name.indexOf('#') < 0;
    }

    static boolean validShort(String name) {
        return name.length() == 2 && validName(name);
    }

    synchronized int register(String name) {
        Integer id = idByName.get(name);
        if (id == null) {
            id = nextId++;
            idByName.put(name, id);
            nameById.put(id, name);
        }
        return id;
    }

    /** The MQTT topic of a normal topic id, or null when the id was never given out. */
    synchronized String normal(int id) {
        return nameById.get(id);
    }

    String predefined(int id) {
        return predefined.get(id);
    }

    /**
     * The MQTT topic an AT topic stands for: type 0 the id (or, where the text is not a known id, the topic name
     * itself, as +UMQTTSNC=6,0,"name" unsubscribes by name), 1 a predefined id, 2 the short name. Null if unknown.
     */
    String resolve(int type, String text) {
        switch (type) {
            case NORMAL: {
                Integer id = parseId(text);
                String name = id == null ? null : normal(id);
                return name;
            }
            case PREDEFINED: {
                Integer id = parseId(text);
                return id == null ? null : predefined(id);
            }
            case SHORT:
                return validShort(text) ? text : null;
            default:
                return null;
        }
    }

    /** How a message on an MQTT topic reaches the module: short name, predefined id, or (registered) normal id. */
    SnTopic incoming(String mqttTopic) {
        if (validShort(mqttTopic)) {
            return new SnTopic(SHORT, mqttTopic);
        }
        for (Map.Entry<Integer, String> e : predefined.entrySet()) {
            if (e.getValue().equals(mqttTopic)) {
                return new SnTopic(PREDEFINED, Integer.toString(e.getKey()));
            }
        }
        return new SnTopic(NORMAL, Integer.toString(register(mqttTopic)));
    }

    static Integer parseId(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int id = Integer.parseInt(text);
        return id >= 1 && id <= 65535 ? id : null;
    }
}
