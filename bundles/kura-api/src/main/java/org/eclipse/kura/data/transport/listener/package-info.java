/** Listener of a DataTransportService. Kura exports this package at version 1.0.1. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.1")
package org.eclipse.kura.data.transport.listener;
