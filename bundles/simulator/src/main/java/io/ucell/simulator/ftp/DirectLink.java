package io.ucell.simulator.ftp;

import io.ucell.simulator.commands.DataLink;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.uart.UartTiming;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * +UFTPC=6 (retrieve) and =7 (store) in direct link mode (section 9.1): after CONNECT the file's bytes go
 * straight to the UART, or the UART's bytes straight to the server. The module stays in the data phase when
 * the transfer is complete; the host leaves with +++, and +UUFTPCR then says whether the whole transfer
 * succeeded (an escape before the end of a retrieve aborts it: 0).
 */
abstract class DirectLink implements DataLink {
    protected final FtpSession session;
    protected final Executor background;
    /** Receives the outcome once the transfer is finished (success or the error), on a background thread. */
    private final Consumer<FtpError> outcome;

    DirectLink(FtpSession session, Executor background, Consumer<FtpError> outcome) {
        this.session = session;
        this.background = background;
        this.outcome = outcome;
    }

    protected void report(FtpError e) {
        outcome.accept(e);
    }

    /** Retrieve: a pump sends the file to the host at the UART's pace. */
    static final class Retrieve extends DirectLink {
        private final InputStream in;
        private final int baud;
        private final CountDownLatch pumpDone = new CountDownLatch(1);
        private volatile boolean stop;
        private volatile FtpError result;

        Retrieve(FtpSession session, InputStream in, int baud, Executor background, Consumer<FtpError> outcome) {
            super(session, background, outcome);
            this.in = in;
            this.baud = baud;
        }

        @Override
        public void start(Port port) {
            background.execute(() -> pump(port));
        }

        private void pump(Port port) {
            byte[] buf = new byte[1024];
            // stay at most 4 kB ahead of the wire, as the module's small buffers do
            long ahead = UartTiming.transferNanos(4096, baud);
            long wireFree = System.nanoTime();
            try {
                int n;
                while (!stop && (n = in.read(buf)) > 0) {
                    port.toHost(Arrays.copyOf(buf, n));
                    wireFree = Math.max(wireFree, System.nanoTime()) + UartTiming.transferNanos(n, baud);
                    UartTiming.parkUntil(wireFree - ahead);
                }
                if (!stop) {
                    in.close();
                    session.completeTransfer();
                    result = FtpError.NONE;
                }
            } catch (FtpFailure f) {
                result = f.error;
            } catch (IOException e) {
                result = stop ? null : FtpSession.ioError(e);
            } finally {
                pumpDone.countDown();
            }
        }

        @Override
        public void fromHost(int b) {
            // a retrieve ignores what the host sends (other than the escape)
        }

        @Override
        public Response escaped() {
            return Response.ok().thenRun(() -> background.execute(this::finish));
        }

        private void finish() {
            stop = true;
            try {
                if (!pumpDone.await(50, TimeUnit.MILLISECONDS)) {
                    in.close(); // unblocks the pump's read
                    pumpDone.await(30, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                // closing anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FtpError r = result;
            if (r == null) {
                // aborted before the end: the server answers the closed data connection with 426 or 451
                try {
                    session.completeTransfer();
                } catch (FtpFailure f) {
                    r = f.error;
                }
                r = r == null ? FtpError.server(426) : r;
            }
            report(r);
        }

        @Override
        public void abandon() {
            stop = true;
            try {
                in.close();
            } catch (IOException e) {
                // gone
            }
        }
    }

    /** Store: the host's bytes go to the server until the escape, which ends the file. */
    static final class Store extends DirectLink {
        private final OutputStream out;
        private volatile FtpError failure;
        private Port port;

        Store(FtpSession session, OutputStream out, Executor background, Consumer<FtpError> outcome) {
            super(session, background, outcome);
            this.out = new BufferedOutputStream(out, 8192);
        }

        @Override
        public void start(Port p) {
            this.port = p;
        }

        @Override
        public void fromHost(int b) {
            if (failure != null) {
                return;
            }
            try {
                out.write(b);
            } catch (IOException e) {
                failure = FtpSession.ioError(e);
                background.execute(() -> {
                    closeQuietly();
                    report(failure);
                });
                port.hangUp(); // the server went away: NO CARRIER, +UUFTPCR follows with 0
            }
        }

        private void closeQuietly() {
            try {
                out.close();
            } catch (IOException e) {
                // already failed
            }
        }

        @Override
        public Response escaped() {
            return Response.ok().thenRun(() -> background.execute(() -> {
                if (failure != null) {
                    return;
                }
                try {
                    out.close();
                    session.completeTransfer();
                    report(FtpError.NONE);
                } catch (IOException e) {
                    report(FtpSession.ioError(e));
                } catch (FtpFailure f) {
                    report(f.error);
                }
            }));
        }

        @Override
        public void abandon() {
            closeQuietly();
        }
    }
}
