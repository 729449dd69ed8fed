/** Kura's cryptographic service interface. Kura 5.x and 6 export this package at version 1.3.0. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.eclipse.kura.crypto;
