/** Kura's configuration API (subset). Kura exports this package at version 1.2.0. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.eclipse.kura.configuration;
