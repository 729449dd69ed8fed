/** Messages of cloud connections. Kura exports this package at version 1.0.0. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.eclipse.kura.cloudconnection.message;
