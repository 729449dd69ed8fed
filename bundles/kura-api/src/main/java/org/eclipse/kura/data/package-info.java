/** Kura's data API: the DataService and its transport. Kura exports this package at version 1.1.2. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.2")
package org.eclipse.kura.data;
