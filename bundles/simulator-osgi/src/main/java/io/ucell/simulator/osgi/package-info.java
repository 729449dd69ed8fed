/** The simulated module as a configurable DS component (PID {@code io.ucell.simulator}); nothing exported. */
package io.ucell.simulator.osgi;
