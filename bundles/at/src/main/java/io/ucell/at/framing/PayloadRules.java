package io.ucell.at.framing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The counted-payload layouts of the response lines the framer knows, by prefix. */
public final class PayloadRules {

    private final Map<String, PayloadRule> byPrefix = new ConcurrentHashMap<>();

    /** The layouts of the u-blox commands that return raw data between quotes. */
    public static PayloadRules defaults() {
        PayloadRules rules = new PayloadRules();
        // +USORD: <socket>,<length>,"<data>"
        rules.register("+USORD", PayloadRule.at(2, 1));
        // +USORF: <socket>,"<ip>",<port>,<length>,"<data>"
        rules.register("+USORF", PayloadRule.at(4, 3));
        // +URDFILE: "<name>",<size>,"<data>" and +URDBLOCK: "<name>",<size>,"<data>"
        rules.register("+URDFILE", PayloadRule.at(2, 1));
        rules.register("+URDBLOCK", PayloadRule.at(2, 1));
        // +UUFTPCD: <op_code>,<length>,"<data>" (FTP listings, CR LF inside)
        rules.register("+UUFTPCD", PayloadRule.at(2, 1));
        // +UMQTTC: 6,<qos>,<total>,<topic length>,"<topic>",<message length>,"<message>"
        rules.register("+UMQTTC", PayloadRule.at(4, 3).or(PayloadRule.at(6, 5)).when(0, "6"));
        // +UMQTTSNC: 9,<qos>,<topic type>,<total>,<topic length>,"<topic>",<message length>,"<message>" (app note 7.4,
        // 7.7, 7.8); the shorter reading 9,<qos>,<topic type>,"<topic>",<message length>,"<message>" also counts
        // parameter 5 by parameter 4, so both are framed
        rules.register("+UMQTTSNC", PayloadRule.at(5, 4).or(PayloadRule.at(7, 6)).when(0, "9"));
        return rules;
    }

    public void register(String prefix, PayloadRule rule) {
        byPrefix.put(prefix, rule);
    }

    PayloadRule forPrefix(String prefix) {
        return byPrefix.get(prefix);
    }
}
