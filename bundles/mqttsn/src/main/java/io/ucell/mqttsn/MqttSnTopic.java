package io.ucell.mqttsn;

import java.util.Objects;

/**
 * A topic as MQTT-SN addresses it (section 7): a topic name (subscribe, wildcards allowed; publish registers it
 * first), a normal topic id the gateway gave out (+UMQTTSNC=2 register, or a subscription), a predefined topic id
 * agreed with the gateway, or a short topic name of exactly two characters.
 *
 * @param kind what the text is
 * @param text the name, the id in decimal, or the two characters
 */
public record MqttSnTopic(Kind kind, String text) {

    public enum Kind {
        /** A topic name or filter ("room/temperature", "room/#"); AT topic type 0. */
        NAME(0),
        /** A normal topic id from the gateway; AT topic type 0. */
        ID(0),
        /** A predefined topic id; AT topic type 1. */
        PREDEFINED(1),
        /** A short topic name of two characters; AT topic type 2. */
        SHORT(2);

        private final int atType;

        Kind(int atType) {
            this.atType = atType;
        }

        public int atType() {
            return atType;
        }
    }

    public MqttSnTopic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        switch (kind) {
            case NAME:
                if (text.isEmpty() || text.length() > 255) {
                    throw new IllegalArgumentException("a topic name has 1 to 255 characters");
                }
                break;
            case ID:
            case PREDEFINED:
                int id;
                try {
                    id = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a topic id is a number 1-65535, not '" + text + "'");
                }
                if (id < 1 || id > 65535 || !text.equals(Integer.toString(id))) {
                    throw new IllegalArgumentException("a topic id is a number 1-65535, not '" + text + "'");
                }
                break;
            default:
                if (text.length() != 2 || text.indexOf('+') >= 0 || text.indexOf('#') >= 0
                        || text.chars().anyMatch(c -> c < 0x20 || c > 0x7e || c == '"')) {
                    throw new IllegalArgumentException("a short topic name is exactly 2 printable characters without"
                            + " quotes or wildcards, not '" + text + "'");
                }
        }
    }

    public static MqttSnTopic name(String name) {
        return new MqttSnTopic(Kind.NAME, name);
    }

    public static MqttSnTopic id(int id) {
        return new MqttSnTopic(Kind.ID, Integer.toString(id));
    }

    public static MqttSnTopic predefined(int id) {
        return new MqttSnTopic(Kind.PREDEFINED, Integer.toString(id));
    }

    public static MqttSnTopic shortName(String twoCharacters) {
        return new MqttSnTopic(Kind.SHORT, twoCharacters);
    }

    /** Whether a topic name holds MQTT wildcards (subscriptions only, no id). */
    public boolean wildcard() {
        return kind == Kind.NAME && (text.indexOf('+') >= 0 || text.indexOf('#') >= 0);
    }

    /** The id of an {@link Kind#ID} or {@link Kind#PREDEFINED} topic. */
    public int numericId() {
        if (kind != Kind.ID && kind != Kind.PREDEFINED) {
            throw new IllegalStateException(this + " has no numeric id");
        }
        return Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + text + "'";
    }
}
