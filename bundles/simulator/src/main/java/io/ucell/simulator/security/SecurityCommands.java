package io.ucell.simulator.security;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.files.ModuleFileSystem;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * +USECMNG (certificate manager, section 3.1) and +USECPRF (security profiles, 3.2, 3.4). Neither exists on
 * SARA-R422 (section 3 does not apply to it): plain ERROR there.
 */
public final class SecurityCommands {
    /** Largest item +USECMNG=0 takes in one upload. */
    public static final int MAX_IMPORT = 16384;

    private SecurityCommands() {
    }

    public static void register(CommandRegistry r) {
        r.register("+USECMNG", SecurityCommands::usecmng);
        r.register("+USECPRF", SecurityCommands::usecprf);
    }

    // ------------------------------------------------------------------ +USECMNG

    /**
     * =0,type,"name",size[,"password"]: '>' prompt, exactly size bytes (PEM or DER), then
     * +USECMNG: 0,type,"name","md5". =1,type,"name","file"[,"password"]: from a module file,
     * +USECMNG: 1,type,"name","md5". =2,type,"name": remove. =3[,type]: list. =4,type,"name": +USECMNG: 4,type,"name","md5".
     */
    private static Response usecmng(AtCommand c, ModuleContext m) {
        if (!m.capabilities().securitySupported()) {
            return Response.error();
        }
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+USECMNG: (0-4),(0-3),,");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        CredentialStore store = m.securityProfiles().credentials();
        int op = c.intParam(0, 0, 4);
        if (op == 3) {
            CredentialStore.Type only = c.has(1) ? type(c) : null;
            return Response.ok(store.listLines(only));
        }
        CredentialStore.Type type = type(c);
        String name = c.strParam(2);
        if (name.isEmpty() || name.length() > CredentialStore.MAX_NAME) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        switch (op) {
            case 0: {
                int size = c.intParam(3, 1, MAX_IMPORT);
                String password = c.optStr(4, null);
                return Response.countedTextPrompt(size, data -> {
                    if (data == null) {
                        return Response.error();
                    }
                    try {
                        String md5 = store.importItem(type, name, data, password);
                        return Response.ok("+USECMNG: 0," + type.code + ",\"" + name + "\",\"" + md5 + "\"");
                    } catch (IllegalArgumentException e) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                });
            }
            case 1:
                return importFile(m, store, type, name, c.strParam(3), c.optStr(4, null));
            case 2:
                return store.remove(type, name) ? Response.ok() : Response.cme(CmeError.NOT_FOUND);
            default: {
                String md5 = store.md5(type, name);
                return md5 == null ? Response.cme(CmeError.NOT_FOUND)
                        : Response.ok("+USECMNG: 4," + type.code + ",\"" + name + "\",\"" + md5 + "\"");
            }
        }
    }

    /**
     * =1: the item is a file of the module's file system (e.g. uploaded with +UDWNFILE), PEM or DER; the file stays.
     * No such file: +CME ERROR: 22 (not found); not an item of that type or too big: 50.
     */
    private static Response importFile(ModuleContext m, CredentialStore store, CredentialStore.Type type, String name,
            String file, String password) {
        if (!ModuleFileSystem.validName(file)) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        byte[] data;
        try {
            data = m.files().read(file);
        } catch (NoSuchFileException e) {
            return Response.cme(CmeError.NOT_FOUND);
        }
        if (data.length == 0 || data.length > MAX_IMPORT) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        try {
            String md5 = store.importItem(type, name, data, password);
            return Response.ok("+USECMNG: 1," + type.code + ",\"" + name + "\",\"" + md5 + "\"");
        } catch (IllegalArgumentException e) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
    }

    private static CredentialStore.Type type(AtCommand c) {
        CredentialStore.Type t = CredentialStore.Type.of(c.intParam(1, 0, 3));
        if (t == null) {
            throw new io.ucell.simulator.commands.BadParameterException("type");
        }
        return t;
    }

    // ------------------------------------------------------------------ +USECPRF

    /**
     * =p resets profile p; =p,op reads an op back (+USECPRF: p,op,value; the key password and PSK are
     * write-only); =p,op,values sets it. A feature the model lacks answers +CME ERROR: operation not supported.
     */
    private static Response usecprf(AtCommand c, ModuleContext m) {
        if (!m.capabilities().securitySupported() || c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int profile = c.intParam(0, 0, SecurityProfiles.PROFILES - 1);
        SecurityProfiles profiles = m.securityProfiles();
        if (c.paramCount() == 1) {
            profiles.reset(profile);
            return Response.ok();
        }
        int op = c.intParam(1, 0, 99);
        if (c.paramCount() == 2) {
            if (op == SecurityProfiles.OP_RESUMPTION) {
                return Response.ok(profiles.resumptionLines(profile));
            }
            String v = profiles.get(profile, op);
            return v == null ? Response.error() : Response.ok("+USECPRF: " + profile + "," + op + "," + v);
        }
        List<SecurityProfiles.Value> values = new ArrayList<>();
        for (int i = 2; i < c.paramCount(); i++) {
            AtCommand.Param p = c.params().get(i);
            values.add(new SecurityProfiles.Value(p.value(), p.quoted()));
        }
        try {
            profiles.apply(profile, op, values);
        } catch (UnsupportedOperationException e) {
            return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
        } catch (IllegalArgumentException e) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        return Response.ok();
    }
}
