package io.ucell.mqtt.cloud;

/** Kura's topic variables: {@code #account-name} and {@code #client-id} (as Kura's cloud connections expand them). */
public final class TopicVariables {
    public static final String ACCOUNT_NAME = "#account-name";
    public static final String CLIENT_ID = "#client-id";

    private TopicVariables() {
    }

    /** Replaces the variables; a variable whose value is unknown (null or empty) is an error, not a silent topic. */
    public static String expand(String topic, String accountName, String clientId) {
        String t = topic;
        if (t.contains(ACCOUNT_NAME)) {
            t = t.replace(ACCOUNT_NAME, require(accountName, ACCOUNT_NAME));
        }
        if (t.contains(CLIENT_ID)) {
            t = t.replace(CLIENT_ID, require(clientId, CLIENT_ID));
        }
        return t;
    }

    private static String require(String value, String variable) {
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(variable + " has no value yet");
        }
        if (value.contains("/") || value.contains("+") || value.contains("#")) {
            throw new IllegalStateException(variable + " must not contain '/', '+' or '#': " + value);
        }
        return value;
    }
}
