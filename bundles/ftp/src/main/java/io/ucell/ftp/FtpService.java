package io.ucell.ftp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The module's FTP client on the configured server. The module has one FTP connection: operations run one at
 * a time, and log in by themselves when needed (after a module reboot too). Remote paths are sent as given
 * (no quotes, no control characters); module file names follow {@code io.ucell.files.ModuleFileNames}.
 */
@ProviderType
public interface FtpService {

    /** Logs in now (+UFTPC=1); operations do it by themselves when needed. */
    void login() throws FtpException;

    /** Logs out (+UFTPC=0); does nothing when not logged in. */
    void logout() throws FtpException;

    /** LIST output as the server sends it (+UUFTPCD: 13), one entry per line; "" for the current directory. */
    List<String> list(String path) throws FtpException;

    /** NLST: names only (+UUFTPCD: 14). */
    List<String> names(String path) throws FtpException;

    /** Changes the working directory; "" goes to the parent (+UFTPC=8). */
    void cd(String directory) throws FtpException;

    void mkdir(String directory) throws FtpException;

    void rmdir(String directory) throws FtpException;

    void rename(String from, String to) throws FtpException;

    void delete(String remote) throws FtpException;

    /**
     * Downloads into a module file (+UFTPC=4). With {@code resume} the module keeps what the file holds and
     * appends from its size (REST).
     */
    void download(String remote, String moduleFile, boolean resume) throws FtpException;

    /** Uploads a module file from byte {@code offset} (+UFTPC=5; offset &gt; 0 sends REST, the server writes from there). */
    void upload(String moduleFile, String remote, long offset) throws FtpException;

    /** Downloads through a temporary module file that is deleted afterwards; streamed, not held in memory. */
    void get(String remote, OutputStream to, FtpProgress progress) throws FtpException;

    /** {@link #get(String, OutputStream, FtpProgress)} into memory. */
    byte[] get(String remote) throws FtpException;

    /** Uploads bytes through a temporary module file that is deleted afterwards. */
    void put(String remote, byte[] data, FtpProgress progress) throws FtpException;

    /**
     * Direct link retrieve (+UFTPC=6, section 9.1.1): the file's bytes come over the UART from {@code offset}.
     * The module does not say when the file ends: with {@code length} &gt;= 0 exactly that many bytes are read,
     * otherwise the transfer counts as ended after the configured idle time without data. Then the +++ escape
     * and +UUFTPCR tell whether the server completed it.
     *
     * @return bytes written to {@code to}
     */
    long retrieveDirect(String remote, long offset, long length, OutputStream to, FtpProgress progress)
            throws FtpException;

    /** Direct link store (+UFTPC=7, section 9.1.3): everything from {@code from} goes to the server from {@code offset}. */
    long storeDirect(String remote, long offset, InputStream from, FtpProgress progress) throws FtpException;

    default void put(String remote, byte[] data) throws FtpException {
        put(remote, data, FtpProgress.NONE);
    }
}
