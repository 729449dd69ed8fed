package io.ucell.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.PdpContextStatus;
import io.ucell.modem.SignalQuality;

/** The modem status as label/value rows, shared by the Gogo command and the web page. */
final class StatusReport {

    private StatusReport() {
    }

    static Map<String, String> summary(ModemStatus s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("State", s.state().name());
        if (!s.failureReason().isEmpty()) {
            rows.put("Reason", s.failureReason());
        }
        if (!s.configError().isEmpty()) {
            rows.put("Configuration refused", s.configError());
        }
        rows.put("Module", (s.family() + " " + s.productVersion()).trim());
        ModemIdentity id = s.identity();
        if (id != null) {
            rows.put("Manufacturer", id.manufacturer());
            rows.put("Model", id.model());
            rows.put("Firmware", id.firmware());
            rows.put("IMEI", id.imei());
            rows.put("IMSI", id.imsi());
            rows.put("ICCID", id.iccid());
        }
        rows.put("Operator", s.operator());
        rows.put("RAT", s.rat());
        rows.put("Signal", signal(s.signal()));
        rows.put("Data context", String.valueOf(s.cid()));
        rows.put("IPv4", s.ipv4());
        rows.put("IPv6", s.ipv6());
        rows.put("MTU", s.mtu() == null ? "" : String.valueOf(s.mtu()));
        return rows;
    }

    static List<String> contexts(ModemStatus s) {
        List<String> out = new ArrayList<>();
        for (PdpContextStatus c : s.contexts()) {
            out.add(String.format("cid %d  %-7s apn=%s  %s  %s %s", c.cid(), c.pdpType(), c.apn(),
                    c.active() ? "active" : "inactive", c.ipv4(), c.ipv6()).trim());
        }
        return out;
    }

    static String signal(SignalQuality q) {
        StringBuilder sb = new StringBuilder();
        if (q.csq() != null) {
            sb.append("CSQ ").append(q.csq());
        }
        if (q.rssiDbm() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("RSSI ").append(q.rssiDbm()).append(" dBm");
        }
        if (q.rsrpDbm() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("RSRP ").append(q.rsrpDbm()).append(" dBm");
        }
        if (q.rsrqDb() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("RSRQ ").append(q.rsrqDb()).append(" dB");
        }
        return sb.length() == 0 ? "unknown" : sb.toString();
    }

    static String text(ModemStatus s) {
        StringBuilder sb = new StringBuilder();
        summary(s).forEach((k, v) -> sb.append(String.format("%-22s %s%n", k + ":", v)));
        sb.append("PDP contexts:").append(System.lineSeparator());
        for (String c : contexts(s)) {
            sb.append("  ").append(c).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
