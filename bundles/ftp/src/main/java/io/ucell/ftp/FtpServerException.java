package io.ucell.ftp;

/** The FTP server refused: {@link #replyCode()} is its reply (530 not logged in, 550 no such file...). */
public class FtpServerException extends FtpException {
    private static final long serialVersionUID = 1L;

    public FtpServerException(String message, int errorClass, int replyCode) {
        super(message, errorClass, replyCode, null);
    }

    public int replyCode() {
        return errorCode();
    }
}
