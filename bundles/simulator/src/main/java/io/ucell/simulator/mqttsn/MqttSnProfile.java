package io.ucell.simulator.mqttsn;

import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT-SN client profile (+UMQTTSN op codes of section 7.1): 0 client id, 1 gateway name and port, 2 gateway
 * IP address and port, 4 will QoS, 5 will retain, 6 will topic, 7 will message, 8 connection duration (s),
 * 9 secure (USECMNG profile), 10 clean session, 20 PDP context mapping. Setting the gateway by name clears the IP
 * address and the other way round: the last one set is the gateway.
 */
final class MqttSnProfile {
    static final int DEFAULT_PORT = 1883;

    String clientId;
    String gatewayName = "";
    int namePort = DEFAULT_PORT;
    String gatewayIp = "";
    int ipPort = DEFAULT_PORT;
    int willQos;
    boolean willRetain;
    String willTopic = "";
    String willMessage = "";
    int duration;
    boolean secure;
    int securityProfile;
    boolean cleanSession;
    /** +UMQTTSN=20 mapping: -1 = the internal stack's context. */
    int pdpCid = -1;
    int pdpIpType;

    MqttSnProfile(String clientId) {
        this.clientId = clientId;
    }

    boolean gatewaySet() {
        return !gatewayName.isEmpty() || !gatewayIp.isEmpty();
    }

    String gatewayHost() {
        return gatewayName.isEmpty() ? gatewayIp : gatewayName;
    }

    int gatewayPort() {
        return gatewayName.isEmpty() ? ipPort : namePort;
    }

    MqttSnProfile copy() {
        MqttSnProfile p = new MqttSnProfile(clientId);
        p.gatewayName = gatewayName;
        p.namePort = namePort;
        p.gatewayIp = gatewayIp;
        p.ipPort = ipPort;
        p.willQos = willQos;
        p.willRetain = willRetain;
        p.willTopic = willTopic;
        p.willMessage = willMessage;
        p.duration = duration;
        p.secure = secure;
        p.securityProfile = securityProfile;
        p.cleanSession = cleanSession;
        p.pdpCid = pdpCid;
        p.pdpIpType = pdpIpType;
        return p;
    }

    /** One +UMQTTSN line per op code, as AT+UMQTTSN=&lt;op&gt; answers; null for op codes that do not exist. */
    String line(int op) {
        switch (op) {
            case 0:
                return "+UMQTTSN: 0,\"" + clientId + "\"";
            case 1:
                return "+UMQTTSN: 1,\"" + gatewayName + "\"," + namePort;
            case 2:
                return "+UMQTTSN: 2,\"" + gatewayIp + "\"," + ipPort;
            case 4:
                return "+UMQTTSN: 4," + willQos;
            case 5:
                return "+UMQTTSN: 5," + (willRetain ? 1 : 0);
            case 6:
                return "+UMQTTSN: 6,\"" + willTopic + "\"";
            case 7:
                // length first, as the read command of section 7.1.1 shows (+UMQTTSN: 7,0,"")
                return "+UMQTTSN: 7," + willMessage.length() + ",\"" + willMessage + "\"";
            case 8:
                return "+UMQTTSN: 8," + duration;
            case 9:
                return secure ? "+UMQTTSN: 9,1," + securityProfile : "+UMQTTSN: 9,0";
            case 10:
                return "+UMQTTSN: 10," + (cleanSession ? 1 : 0);
            case 20:
                return "+UMQTTSN: 20," + (pdpCid < 0 ? 1 : pdpCid) + "," + pdpIpType;
            default:
                return null;
        }
    }

    /** AT+UMQTTSN? lists the op codes the app note's read command shows (7.1.1): 0, 1, 2, 4-9. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int op : new int[] {0, 1, 2, 4, 5, 6, 7, 8, 9}) {
            out.add(line(op));
        }
        return out;
    }

    /** NVM form: numbers first, then the strings (which hold no quotes, CR or LF), separated by LF. */
    String encode() {
        return String.join("\n", Integer.toString(namePort), Integer.toString(ipPort), Integer.toString(willQos),
                willRetain ? "1" : "0", Integer.toString(duration), secure ? "1" : "0", Integer.toString(securityProfile),
                cleanSession ? "1" : "0", Integer.toString(pdpCid), Integer.toString(pdpIpType), clientId, gatewayName,
                gatewayIp, willTopic, willMessage);
    }

    static MqttSnProfile decode(String s) {
        String[] f = s.split("\n", -1);
        MqttSnProfile p = new MqttSnProfile(f[10]);
        p.namePort = Integer.parseInt(f[0]);
        p.ipPort = Integer.parseInt(f[1]);
        p.willQos = Integer.parseInt(f[2]);
        p.willRetain = f[3].equals("1");
        p.duration = Integer.parseInt(f[4]);
        p.secure = f[5].equals("1");
        p.securityProfile = Integer.parseInt(f[6]);
        p.cleanSession = f[7].equals("1");
        p.pdpCid = Integer.parseInt(f[8]);
        p.pdpIpType = Integer.parseInt(f[9]);
        p.gatewayName = f[11];
        p.gatewayIp = f[12];
        p.willTopic = f[13];
        p.willMessage = f[14];
        return p;
    }
}
