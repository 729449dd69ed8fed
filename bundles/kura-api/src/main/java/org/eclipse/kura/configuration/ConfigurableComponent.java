package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for components whose configuration Kura's ConfigurationService manages and its web UI shows.
 * The metatype must be in {@code OSGI-INF/metatype/<pid>.xml} with the OCD id equal to the PID.
 */
@ConsumerType
public interface ConfigurableComponent {
}
