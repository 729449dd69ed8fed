package io.ucell.simulator.model;

/** Module families; the spec distinguishes behaviour by family first, then by product version. */
public enum Family {
    SARA_R5,
    SARA_R42
}
