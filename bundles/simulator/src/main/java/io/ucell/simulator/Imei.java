package io.ucell.simulator;

import io.ucell.simulator.model.ModuleModel;

/** IMEI arithmetic: 8-digit TAC, 6-digit serial, Luhn check digit. */
public final class Imei {
    private Imei() {
    }

    /**
     * Builds an IMEI for a model. The TACs are made up by the simulator ("35" prefix like u-blox's, then a
     * per-model number) because real TACs are allocated per product and not published in the spec.
     */
    public static String forModel(ModuleModel model, int serial) {
        String tac = String.format("352%03d%02d", 753, model.ordinal());
        String body = tac + String.format("%06d", Math.floorMod(serial, 1_000_000));
        return body + luhnDigit(body);
    }

    public static int luhnDigit(String body) {
        int sum = 0;
        // digits at odd positions from the right (counting the missing check digit as position 0) are doubled
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean valid(String imei) {
        return imei != null && imei.matches("\\d{15}")
                && luhnDigit(imei.substring(0, 14)) == imei.charAt(14) - '0';
    }
}
