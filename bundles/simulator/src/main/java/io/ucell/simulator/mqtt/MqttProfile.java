package io.ucell.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * The +UMQTT profile (section 6.1). Op codes, as the app note uses them: 0 client id, 1 local port, 2 server IP
 * address and port, 3 server name and port, 4 user name and password, 6 will QoS, 7 will retain, 8 will topic,
 * 9 will message, 10 inactivity timeout (keep-alive) and linger time, 11 secure option and USECMNG profile,
 * 12 clean session, 20 internal PDP context mapping. Setting the IP address clears the name and the other way
 * round: the module has one server.
 */
public final class MqttProfile {
    public static final int DEFAULT_PORT = 1883;

    String clientId;
    int localPort;
    String serverIp = "";
    String serverName = "";
    int serverPort = DEFAULT_PORT;
    String userName = "";
    String password = "";
    int willQos;
    boolean willRetain;
    String willTopic = "";
    byte[] willMessage = new byte[0];
    int keepAlive;
    int lingerTime;
    boolean secure;
    int securityProfile;
    boolean cleanSession = true;
    int pdpCid = -1;
    int pdpIpType;

    MqttProfile(String imei) {
        this.clientId = imei;
    }

    /** The factory-programmed profile: the client id is the IMEI (section 6.1.1). */
    static MqttProfile factory(String imei) {
        return new MqttProfile(imei);
    }

    /** The +UMQTT? lines, in the order of section 6.1.1 (the password is never shown). */
    List<String> describe() {
        List<String> l = new ArrayList<>();
        l.add("+UMQTT: 0,\"" + clientId + "\"");
        l.add("+UMQTT: 2,\"" + serverIp + "\"," + serverPort);
        l.add("+UMQTT: 3,\"" + serverName + "\"," + serverPort);
        l.add("+UMQTT: 4,\"" + userName + "\"");
        l.add("+UMQTT: 6," + willQos);
        l.add("+UMQTT: 7," + (willRetain ? 1 : 0));
        l.add("+UMQTT: 8,\"" + willTopic + "\"");
        l.add("+UMQTT: 9,0,\"" + printable(willMessage) + "\"");
        l.add("+UMQTT: 10," + keepAlive);
        l.add(secure ? "+UMQTT: 11,1," + securityProfile : "+UMQTT: 11,0");
        return l;
    }

    /** The one line AT+UMQTT=&lt;op&gt; answers, or null for an op without a reading. */
    String describe(int op) {
        switch (op) {
            case 1:
                return "+UMQTT: 1," + localPort;
            case 10:
                return "+UMQTT: 10," + keepAlive + "," + lingerTime;
            case 12:
                return "+UMQTT: 12," + (cleanSession ? 1 : 0);
            case 20:
                return pdpCid < 0 ? "+UMQTT: 20" : "+UMQTT: 20," + pdpCid + "," + pdpIpType;
            default:
                for (String line : describe()) {
                    if (line.startsWith("+UMQTT: " + op + ",")) {
                        return line;
                    }
                }
                return null;
        }
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F && c != '"' ? (char) c : '.');
        }
        return sb.toString();
    }

    /** Where to connect: the IP address if set, else the name (empty when neither). */
    String host() {
        return !serverIp.isEmpty() ? serverIp : serverName;
    }

    MqttProfile copy() {
        return decode(encode());
    }

    /** NVM form (+UMQTTNV=2): a properties text with every field. */
    String encode() {
        Properties p = new Properties();
        p.setProperty("clientId", clientId);
        p.setProperty("localPort", Integer.toString(localPort));
        p.setProperty("serverIp", serverIp);
        p.setProperty("serverName", serverName);
        p.setProperty("serverPort", Integer.toString(serverPort));
        p.setProperty("userName", userName);
        p.setProperty("password", password);
        p.setProperty("willQos", Integer.toString(willQos));
        p.setProperty("willRetain", Boolean.toString(willRetain));
        p.setProperty("willTopic", willTopic);
        p.setProperty("willMessage", Base64.getEncoder().encodeToString(willMessage));
        p.setProperty("keepAlive", Integer.toString(keepAlive));
        p.setProperty("lingerTime", Integer.toString(lingerTime));
        p.setProperty("secure", Boolean.toString(secure));
        p.setProperty("securityProfile", Integer.toString(securityProfile));
        p.setProperty("cleanSession", Boolean.toString(cleanSession));
        p.setProperty("pdpCid", Integer.toString(pdpCid));
        p.setProperty("pdpIpType", Integer.toString(pdpIpType));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(w.toString().getBytes(StandardCharsets.UTF_8));
    }

    static MqttProfile decode(String stored) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        MqttProfile m = new MqttProfile(p.getProperty("clientId", ""));
        m.localPort = Integer.parseInt(p.getProperty("localPort", "0"));
        m.serverIp = p.getProperty("serverIp", "");
        m.serverName = p.getProperty("serverName", "");
        m.serverPort = Integer.parseInt(p.getProperty("serverPort", "1883"));
        m.userName = p.getProperty("userName", "");
        m.password = p.getProperty("password", "");
        m.willQos = Integer.parseInt(p.getProperty("willQos", "0"));
        m.willRetain = Boolean.parseBoolean(p.getProperty("willRetain", "false"));
        m.willTopic = p.getProperty("willTopic", "");
        m.willMessage = Base64.getDecoder().decode(p.getProperty("willMessage", ""));
        m.keepAlive = Integer.parseInt(p.getProperty("keepAlive", "0"));
        m.lingerTime = Integer.parseInt(p.getProperty("lingerTime", "0"));
        m.secure = Boolean.parseBoolean(p.getProperty("secure", "false"));
        m.securityProfile = Integer.parseInt(p.getProperty("securityProfile", "0"));
        m.cleanSession = Boolean.parseBoolean(p.getProperty("cleanSession", "true"));
        m.pdpCid = Integer.parseInt(p.getProperty("pdpCid", "-1"));
        m.pdpIpType = Integer.parseInt(p.getProperty("pdpIpType", "0"));
        return m;
    }
}
