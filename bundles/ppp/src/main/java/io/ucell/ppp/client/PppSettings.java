package io.ucell.ppp.client;

import io.ucell.at.AtQuoting;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.ppp.PortFilter;
import io.ucell.ppp.PppAuthType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dial-up uses.
 *
 * @param cid         context of the call (ATD*99***cid#)
 * @param authType    what +UAUTHREQ asks the DTE for
 * @param user        PPP user name (empty for none)
 * @param password    PPP password (empty for none); never logged
 * @param fullConeNat +UPORTFWD=100,cid before every dial
 * @param portFilter  the +UEMBPF value to have in the module, or null to leave the module's alone
 */
public record PppSettings(int cid, PppAuthType authType, String user, String password, boolean fullConeNat,
        PortFilter portFilter) {
    /** User name and password lengths the module takes (u-blox AT manual, +UAUTHREQ). */
    public static final int MAX_CREDENTIAL_LENGTH = 64;

    public PppSettings {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        authType = authType == null ? PppAuthType.NONE : authType;
    }

    public static PppSettings defaults() {
        return new PppSettings(1, PppAuthType.NONE, "", "", false, null);
    }

    /** Problems independent of the module (empty when fine). */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (cid < 0 || cid > 11) {
            errors.add("cid " + cid + " is outside 0-11");
        }
        credential("user", user, errors);
        credential("password", password, errors);
        if ((authType == PppAuthType.PAP || authType == PppAuthType.CHAP) && user.isEmpty()) {
            errors.add(authType + " authentication needs a user name");
        }
        return errors;
    }

    private static void credential(String what, String value, List<String> errors) {
        if (!AtQuoting.isQuotable(value)) {
            // never echo the value: it may be the password
            errors.add(what + " holds a quote or a control character, which the module cannot take");
        } else if (value.length() > MAX_CREDENTIAL_LENGTH) {
            errors.add(what + " is longer than " + MAX_CREDENTIAL_LENGTH + " characters");
        }
    }

    /** Problems on this module (app note section 4 per family); includes {@link #validate()}. */
    public List<String> validate(ModuleCapabilities caps) {
        List<String> errors = validate();
        if (caps == null) {
            return errors;
        }
        ModuleCapabilities.DialUp d = caps.dialUp();
        String module = caps.describe();
        if (!caps.validCid(cid)) {
            errors.add("cid " + cid + " is outside " + caps.minCid() + "-" + caps.maxCid() + " on " + module);
        }
        if (d.authRequestMandatory() && (user.isEmpty() || password.isEmpty())) {
            errors.add(module + " needs +UAUTHREQ with at least a dummy user name and password before a dial-up "
                    + "(app note 4.1): set user and password (any value when the network asks for none)");
        }
        if (fullConeNat && !d.fullConeNatSupported()) {
            errors.add("full-cone NAT (+UPORTFWD=100) is not available on " + module
                    + " (app note 4.1.3: not on SARA-R5 00B nor the SARA-R42 series / LEXI-R422)");
        }
        if (portFilter != null && !d.portFilterSupported()) {
            errors.add("embedded port filtering (+UEMBPF) is not available on " + module
                    + " (app note 4.3: SARA-R42 series and LEXI-R422 only); leave the port filter alone");
        }
        return errors;
    }

    @Override
    public String toString() {
        // the password never appears
        return "cid " + cid + ", auth " + authType + (user.isEmpty() ? "" : ", user " + user)
                + (password.isEmpty() ? "" : ", password set") + ", full-cone NAT " + (fullConeNat ? "on" : "off")
                + ", port filter " + (portFilter == null ? "left alone" : portFilter);
    }
}
