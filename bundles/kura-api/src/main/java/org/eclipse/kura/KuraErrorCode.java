package org.eclipse.kura;

/**
 * The error codes a {@link KuraException} or {@link KuraRuntimeException} carries, with Kura's constant names in
 * Kura's order. The comment on each constant is the message pattern used for it ({0}, {1}... are the exception's
 * arguments).
 * <p>
 * Kura's newest API adds {@code AUTHENTICATION_FAILED} after the last constant here; it is left out because it is
 * not in the Kura 5.x API that ucell targets.
 */
public enum KuraErrorCode {
    /** Configuration Error: {0} */
    CONFIGURATION_ERROR("Configuration Error: {0}"),
    /** Error updating Configuration of ConfigurableComponent {0} */
    CONFIGURATION_UPDATE("Error updating Configuration of ConfigurableComponent {0}"),
    /** Error rolling back to snapshot. */
    CONFIGURATION_ROLLBACK("Error rolling back to snapshot."),
    /** The configuration attribute {0} is undefined. */
    CONFIGURATION_ATTRIBUTE_UNDEFINED("The configuration attribute {0} is undefined."),
    /** The configuration attribute {0} cannot accept value {1}: {2}. */
    CONFIGURATION_ATTRIBUTE_INVALID("The configuration attribute {0} cannot accept value {1}: {2}."),
    /** The configuration attribute {0} is required and no value has been specified. */
    CONFIGURATION_REQUIRED_ATTRIBUTE_MISSING("The configuration attribute {0} is required and no value has been specified."),
    /** Configuration snapshot {0} was not found. */
    CONFIGURATION_SNAPSHOT_NOT_FOUND("Configuration snapshot {0} was not found."),
    /** Error Taking Snapshot. */
    CONFIGURATION_SNAPSHOT_TAKING("Error Taking Snapshot."),
    /** Error Listing Snapshots. */
    CONFIGURATION_SNAPSHOT_LISTING("Error Listing Snapshots."),
    /** Error Loading Snapshot. */
    CONFIGURATION_SNAPSHOT_LOADING("Error Loading Snapshot."),
    /**
     * An internal error occurred. {0}
     *
     * @deprecated use a specific code
     */
    @Deprecated
    INTERNAL_ERROR("An internal error occurred. {0}"),
    /** The serial port has an invalid configuration. {0} */
    SERIAL_PORT_INVALID_CONFIGURATION("The serial port has an invalid configuration. {0}"),
    /** The serial port does not exist. {0} */
    SERIAL_PORT_NOT_EXISTING("The serial port does not exist. {0}"),
    /** The port is in use. {0} */
    PORT_IN_USE("The port is in use. {0}"),
    /** The operation succeeded only partially. */
    PARTIAL_SUCCESS("The operation succeeded only partially."),
    /** The current subject is not authorized to perform this operation. {0} */
    SECURITY_EXCEPTION("The current subject is not authorized to perform this operation. {0}"),
    /** Not connected. */
    NOT_CONNECTED("Not connected."),
    /** Timeout occurred while waiting for the operation to complete. */
    TIMED_OUT("Timeout occurred while waiting for the operation to complete."),
    /** Connection failed. {0} */
    CONNECTION_FAILED("Connection failed. {0}"),
    /** Too many in-flight messages. */
    TOO_MANY_INFLIGHT_MESSAGES("Too many in-flight messages."),
    /** Error performing operation on store. {0} */
    STORE_ERROR("Error performing operation on store. {0}"),
    /** Error encoding {0}. */
    ENCODE_ERROR("Error encoding {0}."),
    /** Error decoding {0}. */
    DECODER_ERROR("Error decoding {0}."),
    /** Metric {0} is invalid. */
    INVALID_METRIC_EXCEPTION("Metric {0} is invalid."),
    /** Message or its encoding is invalid. */
    INVALID_MESSAGE_EXCEPTION("Message or its encoding is invalid."),
    /** Operation {0} not supported. */
    OPERATION_NOT_SUPPORTED("Operation {0} not supported."),
    /** Device {0} is unavailable. */
    UNAVAILABLE_DEVICE("Device {0} is unavailable."),
    /** Device {0} is closed. */
    CLOSED_DEVICE("Device {0} is closed."),
    /** Error accessing GPIO resource. {0} */
    GPIO_EXCEPTION("Error accessing GPIO resource. {0}"),
    /** Command {0} exited with code {1}. */
    OS_COMMAND_ERROR("Command {0} exited with code {1}."),
    /** Invalid parameter. {0} */
    INVALID_PARAMETER("Invalid parameter. {0}"),
    /** Unable to execute system process {0} */
    PROCESS_EXECUTION_ERROR("Unable to execute system process {0}"),
    /** Error processing subscription for {0} */
    SUBSCRIPTION_ERROR("Error processing subscription for {0}"),
    /** Error during BLE notification. */
    BLE_NOTIFICATION_ERROR("Error during BLE notification."),
    /** Error during BLE connection. */
    BLE_CONNECTION_ERROR("Error during BLE connection."),
    /** Error during BLE pairing. */
    BLE_PAIR_ERROR("Error during BLE pairing."),
    /** BLE resource not found. */
    BLE_RESOURCE_NOT_FOUND("BLE resource not found."),
    /** Error during BLE IO activity. */
    BLE_IO_ERROR("Error during BLE IO activity."),
    /** Error executing {0} command. */
    BLE_COMMAND_ERROR("Error executing {0} command."),
    /** Error during discovery procedure. */
    BLE_DISCOVERY_ERROR("Error during discovery procedure."),
    /** Error during device remove. */
    BLE_REMOVE_ERROR("Error during device remove."),
    /** Bad request. */
    BAD_REQUEST("Bad request."),
    /** Not found. */
    NOT_FOUND("Not found."),
    /** Service unavailable. {0}. */
    SERVICE_UNAVAILABLE("Service unavailable. {0}."),
    /** Disconnection failed. */
    DISCONNECTION_FAILED("Disconnection failed."),
    /** Error during IO operation. */
    IO_ERROR("Error during IO operation."),
    /** Modem unsupported. */
    UNSUPPORTED_MODEM("Modem unsupported."),
    /** Certificate invalid. */
    INVALID_CERTIFICATE_EXCEPTION("Certificate invalid.");

    // Kura keeps the patterns in a resource bundle of its core; this subset keeps them next to the codes.
    // Not part of Kura's public API: package-private.
    final String pattern;

    KuraErrorCode(String pattern) {
        this.pattern = pattern;
    }
}
