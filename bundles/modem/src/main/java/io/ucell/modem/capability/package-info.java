/** The one capability table: which module family and product version can do what. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.ucell.modem.capability;
