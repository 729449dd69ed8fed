package io.ucell.at.framing;

import java.util.List;

/**
 * Says which quoted parameter of a response line is a counted payload and where its length is.
 *
 * <p>Socket reads, file reads and MQTT reads return data between quotes with the byte count in an
 * earlier parameter; the data may hold quotes, commas, CR and LF, so the framer must read exactly
 * the announced number of bytes instead of looking for the closing quote.
 */
@FunctionalInterface
public interface PayloadRule {

    /**
     * Called when a quote opens parameter number {@code params.size()}.
     *
     * @param params the parameters before it, quotes removed
     * @return the number of payload bytes that follow the quote, or -1 when this parameter is plain text
     */
    int countedLength(List<String> params);

    /** The parameter at {@code payloadIndex} is counted by the number in parameter {@code lengthIndex}. */
    static PayloadRule at(int payloadIndex, int lengthIndex) {
        return params -> params.size() == payloadIndex ? parseLength(params.get(lengthIndex)) : -1;
    }

    /** This rule applies only when parameter {@code index} equals {@code value} (e.g. +UMQTTC: 6,...). */
    default PayloadRule when(int index, String value) {
        PayloadRule self = this;
        return params -> params.size() > index && params.get(index).trim().equals(value)
                ? self.countedLength(params) : -1;
    }

    /** Combines two rules for lines with several counted parameters. */
    default PayloadRule or(PayloadRule other) {
        PayloadRule self = this;
        return params -> {
            int n = self.countedLength(params);
            return n >= 0 ? n : other.countedLength(params);
        };
    }

    private static int parseLength(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(t);
    }
}
