package io.ucell.modem.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ucell.at.AtQuoting;
import io.ucell.modem.capability.ModuleCapabilities;

/**
 * What the modem service is told to do. {@link #validate()} checks what can be checked without the
 * module; the controller checks the rest (cid range of the family, MNO profiles the module has) before
 * a byte of the new settings reaches the module.
 *
 * @param endpoint             serial port name or tcp://host:port
 * @param baudRate             serial speed
 * @param flowControl          RTS/CTS
 * @param apn                  APN, empty for the network's choice
 * @param pdpType              PDP type of the context
 * @param cid                  context id (Verizon, MNO profile 3, always uses cid 3)
 * @param mnoProfile           MNO profile to enforce, or -1 to keep the module's
 * @param user                 PDP authentication user, empty for none
 * @param password             PDP authentication password (never logged)
 * @param familyOverride       "auto" or a family[-product version] such as "SARA-R5-01B"
 * @param registrationTimeout  how long to wait for registration (and for activation)
 * @param syncTimeout          how long to send AT before giving up on the module (boot time included)
 * @param backoffBase          first retry delay
 * @param backoffCap           longest retry delay
 * @param rebootAfterFailures  reboot the module (+CFUN=16) after this many consecutive failures (0 never)
 * @param maxFailures          give up (FAILED) after this many consecutive failures (0 never)
 * @param healthCheckInterval  how often registration, context and reboots are checked in steady state
 */
public record ModemSettings(String endpoint, int baudRate, boolean flowControl, String apn, PdpType pdpType, int cid,
        int mnoProfile, String user, String password, String familyOverride, Duration registrationTimeout,
        Duration syncTimeout, Duration backoffBase, Duration backoffCap, int rebootAfterFailures, int maxFailures,
        Duration healthCheckInterval) {

    public ModemSettings {
        apn = apn == null ? "" : apn;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        familyOverride = familyOverride == null || familyOverride.isBlank() ? "auto" : familyOverride.trim();
    }

    public static ModemSettings defaults() {
        return new ModemSettings("tcp://localhost:5000", 115200, false, "", PdpType.IPV4V6, 1, -1, "", "", "auto",
                Duration.ofSeconds(180), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5), 3, 10,
                Duration.ofSeconds(30));
    }

    /** Problems found without the module; empty when none. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (endpoint == null || endpoint.isBlank()) {
            errors.add("endpoint is empty");
        }
        if (baudRate <= 0) {
            errors.add("baud rate must be positive: " + baudRate);
        }
        if (pdpType == null) {
            errors.add("PDP type must be IP, IPV6 or IPV4V6");
        }
        checkString(errors, "APN", apn);
        checkString(errors, "user", user);
        checkString(errors, "password", password);
        if (apn.length() > 99) {
            errors.add("APN longer than 99 characters");
        }
        if (cid < 0 || cid > 11) {
            errors.add("cid " + cid + " outside 0..11");
        }
        if (mnoProfile < -1) {
            errors.add("MNO profile " + mnoProfile + " (use -1 to keep the module's)");
        }
        if (!ModuleCapabilities.isValidOverride(familyOverride)) {
            errors.add("unknown family override '" + familyOverride
                    + "' (auto, SARA-R5-00B, SARA-R5-01B, SARA-R5-02B, LEXI-R520, SARA-R42-00B, SARA-R42-01B, LEXI-R422, SARA-R422)");
        }
        positive(errors, "registration timeout", registrationTimeout);
        positive(errors, "sync timeout", syncTimeout);
        positive(errors, "backoff base", backoffBase);
        positive(errors, "backoff cap", backoffCap);
        positive(errors, "health check interval", healthCheckInterval);
        if (rebootAfterFailures < 0 || maxFailures < 0) {
            errors.add("failure limits must be 0 or more");
        }
        return errors;
    }

    /** Problems found against the module's capabilities and MNO profiles (null list: not known). */
    public List<String> validateFor(ModuleCapabilities caps, List<Integer> supportedMnoProfiles) {
        List<String> errors = new ArrayList<>();
        int c = effectiveCid(mnoProfile);
        if (caps != null && !caps.validCid(c)) {
            errors.add("cid " + c + " outside " + caps.minCid() + ".." + caps.maxCid() + " of " + caps.describe());
        }
        if (mnoProfile >= 0 && supportedMnoProfiles != null && !supportedMnoProfiles.contains(mnoProfile)) {
            errors.add("MNO profile " + mnoProfile + " not supported by the module (supported: " + supportedMnoProfiles + ")");
        }
        return errors;
    }

    /** The cid to use: 3 with the Verizon profile (2.3.2), the configured one otherwise. */
    public int effectiveCid(int activeMnoProfile) {
        return activeMnoProfile == 3 ? 3 : cid;
    }

    /** Whether switching to {@code other} needs a new link (endpoint or serial settings changed). */
    public boolean sameLink(ModemSettings other) {
        return other != null && Objects.equals(endpoint, other.endpoint) && baudRate == other.baudRate
                && flowControl == other.flowControl;
    }

    private static void checkString(List<String> errors, String what, String value) {
        try {
            AtQuoting.quote(value);
        } catch (IllegalArgumentException e) {
            errors.add(what + " holds a quote or a control character");
        }
    }

    private static void positive(List<String> errors, String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            errors.add(what + " must be positive");
        }
    }

    @Override
    public String toString() {
        // never the password
        return "ModemSettings[endpoint=" + endpoint + ", baud=" + baudRate + ", flowControl=" + flowControl + ", apn="
                + apn + ", pdpType=" + pdpType + ", cid=" + cid + ", mnoProfile=" + mnoProfile + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", familyOverride=" + familyOverride
                + ", registrationTimeout=" + registrationTimeout + ", syncTimeout=" + syncTimeout + ", backoff="
                + backoffBase + ".." + backoffCap + ", rebootAfter=" + rebootAfterFailures + ", maxFailures="
                + maxFailures + ", healthCheck=" + healthCheckInterval + "]";
    }
}
