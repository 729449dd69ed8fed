/** The module's embedded FTP client (+UFTP, +UFTPC, +UFTPER; app note section 9) on Apache Commons Net. */
package io.ucell.simulator.ftp;
