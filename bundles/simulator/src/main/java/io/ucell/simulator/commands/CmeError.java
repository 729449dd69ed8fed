package io.ucell.simulator.commands;

/**
 * +CME ERROR codes the simulator uses. Codes below 1000 are the 3GPP TS 27.007 ones; the code for the
 * IP type mismatch of section 2.3.1 is not given in the spec, so the simulator picks 4001 (the verbose
 * text is the spec's).
 */
public enum CmeError {
    PHONE_FAILURE(0, "phone failure"),
    OPERATION_NOT_ALLOWED(3, "operation not allowed"),
    OPERATION_NOT_SUPPORTED(4, "operation not supported"),
    SIM_NOT_INSERTED(10, "SIM not inserted"),
    MEMORY_FULL(20, "memory full"),
    NOT_FOUND(22, "not found"),
    NO_NETWORK_SERVICE(30, "no network service"),
    NETWORK_TIMEOUT(31, "network timeout"),
    INCORRECT_PARAMETERS(50, "incorrect parameters"),
    UNKNOWN(100, "unknown"),
    SERVICE_OPTION_NOT_SUPPORTED(132, "service option not supported"),
    UNSPECIFIED_GPRS_ERROR(148, "unspecified GPRS error"),
    PDP_AUTHENTICATION_FAILURE(149, "PDP authentication failure"),
    DNS_RESOLUTION_FAILED(4002, "DNS resolution failed"),
    IP_TYPE_MISMATCH(4001, "IP type configuration mismatch");

    private final int code;
    private final String text;

    CmeError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}
