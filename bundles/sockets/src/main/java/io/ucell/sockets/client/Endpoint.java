package io.ucell.sockets.client;

import java.io.IOException;

/**
 * One module socket as the client sees it. The monitor of the object guards its fields; URC handlers, the
 * pump and user threads meet here. AT commands are never sent with this monitor held.
 */
abstract class Endpoint {
    final SocketStack stack;
    final int id;
    /** The module announced this many bytes (+UUSORD/+UUSORF) and they have not been read yet (0: none known). */
    int announced;
    /** Bumped by every announcement, so a read can tell whether one came in while it ran. */
    long announcements;
    /** The last read filled its request: more is probably waiting. */
    boolean moreLikely;
    /** Someone asked for a look at the module's buffer (after an operation, a URC may have been missed). */
    boolean checkRequested;
    int waitingReaders;
    long lastFetchNanos;
    /** +UUSOCL came: the module freed the id; nothing more is sent with it. */
    boolean moduleClosed;
    /** The module closed the socket and the client has not decided yet whether that was an orderly end. */
    boolean closeUnresolved;
    /** close() was called. */
    boolean closedByUser;
    /** Why the socket is unusable (delivered after the buffered data). */
    IOException failure;

    Endpoint(SocketStack stack, int id) {
        this.stack = stack;
        this.id = id;
    }

    /** Whether the pump should read from the module now. */
    abstract boolean wantsFetch(long now, long pollNanos);

    /** Reads once from the module (the stack's lock is held). */
    abstract void fetch() throws IOException;

    /** The module freed the socket (+UUSOCL): decide between an orderly end and a failure (lock not held). */
    abstract void resolveModuleClose();

    synchronized void announce(int n) {
        announced = n;
        announcements++;
        notifyAll();
    }

    synchronized void requestCheck() {
        checkRequested = true;
    }

    synchronized void markModuleClosed() {
        if (!moduleClosed) {
            moduleClosed = true;
            closeUnresolved = !closedByUser;
        }
        notifyAll();
    }

    synchronized void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    synchronized boolean usable() {
        return !moduleClosed && !closedByUser && failure == null;
    }

    /** After a read: forget the announcement unless a new one arrived meanwhile. */
    synchronized void fetched(boolean full, long announcementsBefore) {
        lastFetchNanos = System.nanoTime();
        checkRequested = false;
        moreLikely = full;
        if (!full && announcements == announcementsBefore) {
            announced = 0;
        }
    }

    boolean fetchDue(long now, long pollNanos) {
        // with the monitor held by the caller
        return announced > 0 || moreLikely || checkRequested
                || (waitingReaders > 0 && now - lastFetchNanos >= pollNanos);
    }
}
