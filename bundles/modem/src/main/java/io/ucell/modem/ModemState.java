package io.ucell.modem;

/** Where the modem service is in bringing the module up and keeping it up. */
public enum ModemState {
    /** Not started, stopped, or no configuration. */
    OFF,
    /** Synchronising, identifying, configuring the module. */
    INITIALIZING,
    /** Radio on, waiting for registration. */
    SEARCHING,
    /** Registered, PS data not (yet) active. */
    REGISTERED,
    /** Registered and the PDP context is active with an address: internal applications can work. */
    DATA_ACTIVE,
    /** Something went wrong; re-initialising, re-attaching or re-activating with backoff. */
    RECOVERING,
    /** Gave up after the configured number of failures; see {@link ModemStatus#failureReason()}. */
    FAILED
}
