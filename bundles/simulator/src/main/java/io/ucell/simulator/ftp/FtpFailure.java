package io.ucell.simulator.ftp;

/** An FTP operation that failed with a known +UFTPER class and code. */
final class FtpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final transient FtpError error;

    FtpFailure(FtpError error) {
        super("FTP error " + error.errorClass() + "," + error.code());
        this.error = error;
    }
}
