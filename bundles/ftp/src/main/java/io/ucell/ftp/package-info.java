/** FTP and explicit FTPS through the module's embedded FTP client (app note section 9). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.ftp;
