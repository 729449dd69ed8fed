package io.ucell.security.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.Urc;
import io.ucell.at.framing.AtLine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 3.4.1: the type URC and the data URC are stored together whichever comes first (the spec promises no order). */
class SessionUrcOrderTest {

    private static Urc urc(String line) {
        return new Urc(AtLine.of(line), Instant.now());
    }

    @Test
    void typeThenDataAsTheSpecShows(@TempDir Path dir) {
        SessionStore store = new SessionStore(dir, () -> null);
        SessionResumption r = new SessionResumption(1, store);
        r.onUrc(urc("+UUSECPRF: 1,13,1,10"));
        r.onUrc(urc("+UUSECPRF: 1,13,12,\"ZW5j\",3"));
        assertEquals(new SessionStore.Session(10, 12, List.of("ZW5j", "3")), store.load(1));
    }

    @Test
    void dataThenType(@TempDir Path dir) {
        SessionStore store = new SessionStore(dir, () -> null);
        SessionResumption r = new SessionResumption(1, store);
        r.onUrc(urc("+UUSECPRF: 1,13,2,\"aWQ=\",\"c2Vj\""));
        r.onUrc(urc("+UUSECPRF: 1,13,1,0"));
        assertEquals(new SessionStore.Session(0, 2, List.of("aWQ=", "c2Vj")), store.load(1));
        // the next handshake's data first, with another type after it
        r.onUrc(urc("+UUSECPRF: 1,13,12,\"ZW5j\",3"));
        r.onUrc(urc("+UUSECPRF: 1,13,1,10"));
        assertEquals(new SessionStore.Session(10, 12, List.of("ZW5j", "3")), store.load(1));
        // and back to the spec's order
        r.onUrc(urc("+UUSECPRF: 1,13,1,0"));
        r.onUrc(urc("+UUSECPRF: 1,13,2,\"aWQ=\",\"c2Vj\""));
        assertEquals(new SessionStore.Session(0, 2, List.of("aWQ=", "c2Vj")), store.load(1));
        assertEquals(0, r.resumed());
    }
}
