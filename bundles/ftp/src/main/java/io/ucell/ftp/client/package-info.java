/** The FTP client over the AT engine and the module file system. */
package io.ucell.ftp.client;
