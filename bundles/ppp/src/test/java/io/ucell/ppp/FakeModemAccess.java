package io.ucell.ppp;

import io.ucell.modem.ModemService;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import java.util.List;

/** {@link FakeModem} and its {@link ScriptedModule} for tests in other packages. */
public final class FakeModemAccess implements AutoCloseable {
    private final FakeModem modem;

    public FakeModemAccess(ModuleFamily family, ProductVersion version) {
        modem = new FakeModem(family, version);
        modem.module.answers(c -> c.startsWith("ATD") ? "\r\nCONNECT\r\n" : "\r\nOK\r\n");
    }

    public ModemService modem() {
        return modem;
    }

    public Module module() {
        return new Module();
    }

    /** The scripted module's controls. */
    public final class Module {
        public final List<String> commands = modem.module.commands;

        public void sendData(byte[] b) {
            modem.module.sendData(b);
        }

        public void noCarrier() {
            modem.module.noCarrier();
        }

        public byte[] hostBytes() {
            return modem.module.hostBytes();
        }
    }

    @Override
    public void close() {
        modem.close();
    }
}
