package io.ucell.modem;

import java.util.List;

/**
 * The outcome of {@link ModemService#ping}: one reply per echo request (+UUPING), or an error (+UUPINGER).
 *
 * @param host      the host asked for
 * @param address   the address the module pinged, empty when it could not resolve it
 * @param replies   one per echo request, in order
 * @param errorCode the +UUPINGER code, or null without error
 */
public record PingResult(String host, String address, List<Reply> replies, Integer errorCode) {

    public PingResult {
        replies = List.copyOf(replies);
    }

    /**
     * One +UUPING line.
     *
     * @param sequence   1-based request number
     * @param size       payload size
     * @param ttl        time to live of the reply
     * @param rttMillis  round trip time; -1 timeout, -2 TTL too low
     */
    public record Reply(int sequence, int size, int ttl, long rttMillis) {
        public boolean received() {
            return rttMillis >= 0;
        }
    }

    /** Replies that came back. */
    public long received() {
        return replies.stream().filter(Reply::received).count();
    }

    public boolean success() {
        return errorCode == null && received() > 0;
    }
}
