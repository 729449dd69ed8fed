/** The module's file system: upload, read (whole, in blocks, streamed), delete, list, free space, temporary files. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.files;
