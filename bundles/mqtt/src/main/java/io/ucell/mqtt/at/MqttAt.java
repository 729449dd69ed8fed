package io.ucell.mqtt.at;

import io.ucell.at.AtCommand;
import io.ucell.at.framing.AtLine;
import io.ucell.mqtt.MqttMessage;
import io.ucell.mqtt.MqttWill;
import io.ucell.mqtt.PublishMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the MQTT command lines; every string goes through the engine's quoting, passwords as secrets. */
public final class MqttAt {
    public static final String UMQTT = "+UMQTT";
    public static final String UMQTTC = "+UMQTTC";
    public static final String UUMQTTC = "+UUMQTTC";
    public static final String UMQTTER = "+UMQTTER";
    public static final String UMQTTNV = "+UMQTTNV";

    public static final int OP_LOGOUT = 0;
    public static final int OP_LOGIN = 1;
    public static final int OP_PUBLISH = 2;
    public static final int OP_SUBSCRIBE = 4;
    public static final int OP_UNSUBSCRIBE = 5;
    public static final int OP_READ = 6;
    public static final int OP_PING = 8;
    public static final int OP_PUBLISH_BINARY = 9;
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(10);

    private MqttAt() {
    }

    /**
     * The profile as the module takes it (section 6.1): first the factory profile (+UMQTTNV=0, so nothing from
     * an earlier configuration lingers: credentials, will, TLS, mapping), then only what differs from it.
     */
    public static List<AtCommand> profile(String clientId, String server, boolean serverIsIp, int port, String user,
            String password, int keepAlive, int linger, boolean cleanSession, MqttWill will, boolean secure,
            int securityProfile, int pdpCid, int pdpIpType, boolean pdpMappingSupported) {
        List<AtCommand> l = new ArrayList<>();
        l.add(nvm(0));
        l.add(AtCommand.set(UMQTT).param(0).param(clientId).build());
        // op 2 takes an IP address, op 3 a name (section 6.1.1)
        l.add(AtCommand.set(UMQTT).param(serverIsIp ? 2 : 3).param(server).param(port).build());
        if (!user.isEmpty()) {
            AtCommand.Builder b = AtCommand.set(UMQTT).param(4).param(user);
            if (!password.isEmpty()) {
                b.secret(password);
            }
            l.add(b.build());
        }
        AtCommand.Builder keep = AtCommand.set(UMQTT).param(10).param(keepAlive);
        if (linger > 0) {
            keep.param(linger);
        }
        l.add(keep.build());
        if (!cleanSession) {
            l.add(AtCommand.set(UMQTT).param(12).param(0).build()); // the factory value is 1
        }
        if (will != null) {
            l.add(AtCommand.set(UMQTT).param(6).param(will.qos()).build());
            l.add(AtCommand.set(UMQTT).param(7).param(will.retain() ? 1 : 0).build());
            l.add(AtCommand.set(UMQTT).param(8).param(will.topic()).build());
            l.add(willMessage(will.message()));
        }
        if (secure) {
            l.add(AtCommand.set(UMQTT).param(11).param(1).param(securityProfile).build());
        }
        if (pdpMappingSupported && pdpCid >= 0) {
            l.add(AtCommand.set(UMQTT).param(20).param(pdpCid).param(pdpIpType).build());
        }
        return l;
    }

    /** Plain text where the quoted parameter can carry it, else hex mode (AT+UMQTT=9,"&lt;hex&gt;",1). */
    static AtCommand willMessage(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (PublishMode.choose(bytes) == PublishMode.TEXT) {
            return AtCommand.set(UMQTT).param(9).param(message).build();
        }
        return AtCommand.set(UMQTT).param(9).hex(bytes).param(1).build();
    }

    public static AtCommand action(int op) {
        return AtCommand.set(UMQTTC).param(op).build();
    }

    /** +UMQTTC=2 (text or hex) or +UMQTTC=9 with the payload after the '>' prompt. */
    public static AtCommand publish(String topic, byte[] payload, int qos, boolean retain, PublishMode mode) {
        switch (mode) {
            case TEXT:
                return AtCommand.set(UMQTTC).param(OP_PUBLISH).param(qos).param(retain ? 1 : 0).param(0).param(topic)
                        .param(new String(payload, StandardCharsets.US_ASCII)).build();
            case HEX:
                return AtCommand.set(UMQTTC).param(OP_PUBLISH).param(qos).param(retain ? 1 : 0).param(1).param(topic)
                        .hex(payload).build();
            default:
                // the module counts the bytes after '>': no terminator (section 6.5)
                return AtCommand.set(UMQTTC).param(OP_PUBLISH_BINARY).param(qos).param(retain ? 1 : 0).param(topic)
                        .param(payload.length).promptData(payload, new byte[0]).build();
        }
    }

    public static AtCommand subscribe(String filter, int qos) {
        return AtCommand.set(UMQTTC).param(OP_SUBSCRIBE).param(qos).param(filter).build();
    }

    public static AtCommand unsubscribe(String filter) {
        return AtCommand.set(UMQTTC).param(OP_UNSUBSCRIBE).param(filter).build();
    }

    /**
     * +UMQTTC=6,1. The answer comes from the module's buffer, no network involved: 10 s, not the 2 minutes the
     * engine allows +UMQTTC, so a read swallowed by a reboot does not hold the AT channel for long.
     */
    public static AtCommand read() {
        return AtCommand.set(UMQTTC).param(OP_READ).param(1).timeout(READ_TIMEOUT).build();
    }

    public static AtCommand ping(boolean on) {
        return AtCommand.set(UMQTTC).param(OP_PING).param(on ? 1 : 0).build();
    }

    public static AtCommand error() {
        return AtCommand.action(UMQTTER).build();
    }

    public static AtCommand nvm(int mode) {
        return AtCommand.set(UMQTTNV).param(mode).build();
    }

    /** +UMQTTC: 6,&lt;qos&gt;,&lt;total&gt;,&lt;topic length&gt;,"&lt;topic&gt;",&lt;length&gt;,"&lt;bytes&gt;" (the engine counted the bytes). */
    public static MqttMessage parseRead(AtLine line) {
        if (line.paramCount() < 7 || line.intParam(0) != OP_READ) {
            throw new IllegalArgumentException("not a +UMQTTC: 6 read: " + line);
        }
        String topic = new String(line.bytesParam(4), StandardCharsets.UTF_8);
        return new MqttMessage(topic, line.bytesParam(6), line.intParam(1));
    }

    /** MQTT topic matching: '+' one level, '#' the rest. */
    public static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
