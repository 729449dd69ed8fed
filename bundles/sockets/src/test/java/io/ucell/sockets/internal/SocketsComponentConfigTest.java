package io.ucell.sockets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.sockets.WriteMode;
import io.ucell.sockets.client.StackSettings;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration checks of the component: invalid values are refused with a reason before anything runs. */
class SocketsComponentConfigTest {

    private static SocketsConfig config(boolean keepalive, int linger, String mode, int baud, int poll) {
        return new SocketsConfig() {
            public Class<? extends Annotation> annotationType() {
                return SocketsConfig.class;
            }

            public boolean keepalive() {
                return keepalive;
            }

            public int linger() {
                return linger;
            }

            public boolean no_delay() {
                return false;
            }

            public String write_mode() {
                return mode;
            }

            public int baud() {
                return baud;
            }

            public int poll_interval() {
                return poll;
            }

            public int write_timeout() {
                return 60;
            }

            public int connect_timeout() {
                return 120;
            }
        };
    }

    @Test
    void validConfigurationBecomesSettings() {
        SocketsConfig c = config(true, 10_000, "hex", 0, 1000);
        assertEquals(List.of(), SocketsComponent.problems(c));
        StackSettings s = SocketsComponent.toSettings(c, 921600);
        assertEquals(921600, s.baud(), "0 takes the modem service's baud");
        assertEquals(WriteMode.HEX, s.writeMode());
        assertTrue(s.socketDefaults().keepAlive());
        assertEquals(10_000, s.socketDefaults().lingerMs());
        assertEquals(115200, SocketsComponent.toSettings(config(false, -1, "auto", 115200, 1000), 921600).baud());
    }

    @Test
    void invalidValuesAreRefusedWithReasons() {
        assertTrue(SocketsComponent.problems(config(false, 40_000, "auto", 0, 1000)).get(0).contains("linger"));
        assertTrue(SocketsComponent.problems(config(false, -1, "fast", 0, 1000)).get(0).contains("write mode"));
        assertTrue(SocketsComponent.problems(config(false, -1, "auto", 12, 1000)).get(0).contains("baud"));
        assertTrue(SocketsComponent.problems(config(false, -1, "auto", 0, 10)).get(0).contains("poll"));
    }
}
