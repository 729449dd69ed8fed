/** Recovery policy: what to redo after a fault, and when. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.modem.recovery;
