package io.ucell.at;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers URCs to subscribers by prefix.
 *
 * <p>The reader thread only enqueues; each subscriber has its own queue, drained on the executor one
 * URC at a time, so a subscriber sees URCs in arrival order and a slow subscriber delays nobody else
 * (and never the reader).
 */
public final class UrcBus {

    private static final Logger LOG = LoggerFactory.getLogger(UrcBus.class);

    private final Executor executor;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public UrcBus(Executor executor) {
        this.executor = executor;
    }

    /**
     * Subscribes to URCs whose prefix is {@code prefix} ("+UUSORD" gets "+UUSORD: 0,30"); a prefix
     * without '+' ("RING") or the empty string matches lines that start with it.
     */
    public Subscription subscribe(String prefix, Consumer<Urc> handler) {
        Subscriber s = new Subscriber(prefix, handler);
        subscribers.add(s);
        return () -> {
            s.closed = true;
            subscribers.remove(s);
        };
    }

    /** Called by the reader thread; never blocks. */
    void publish(Urc urc) {
        boolean delivered = false;
        for (Subscriber s : subscribers) {
            if (s.matches(urc)) {
                s.queue.add(urc);
                s.schedule();
                delivered = true;
            }
        }
        if (!delivered) {
            LOG.debug("URC without subscriber: {}", urc.text());
        }
    }

    /** A subscription; closing it stops delivery. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final class Subscriber implements Runnable {
        final String prefix;
        final Consumer<Urc> handler;
        final Queue<Urc> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
        volatile boolean closed;

        Subscriber(String prefix, Consumer<Urc> handler) {
            this.prefix = prefix;
            this.handler = handler;
        }

        boolean matches(Urc urc) {
            String p = urc.prefix();
            if (prefix.startsWith("+") && p != null) {
                return p.equals(prefix);
            }
            return urc.text().startsWith(prefix);
        }

        void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                executor.execute(this);
            }
        }

        @Override
        public void run() {
            Urc urc;
            while (!closed && (urc = queue.poll()) != null) {
                try {
                    handler.accept(urc);
                } catch (RuntimeException e) {
                    LOG.warn("URC handler for {} failed on '{}'", prefix, urc.text(), e);
                }
            }
            scheduled.set(false);
            // a URC added between the last poll and the reset above must not wait for the next one
            if (!closed && !queue.isEmpty()) {
                schedule();
            }
        }
    }
}
