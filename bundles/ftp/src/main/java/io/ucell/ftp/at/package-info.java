/** The AT side of FTP: +UFTP/+UFTPC builders, +UUFTPCR/+UUFTPCD/+UFTPER readers (internal). */
package io.ucell.ftp.at;
