/** Kura's message payload. Kura exports this package at version 1.5.0 (1.4.0 in Kura 5.3). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.eclipse.kura.message;
