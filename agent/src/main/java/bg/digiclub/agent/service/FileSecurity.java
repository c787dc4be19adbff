package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Keeps the agent's files to its own account: nothing of the database, the status file or the
 * logs may be readable by the visitor (docs/security.md). One implementation per platform,
 * chosen in {@link #forThisPlatform()}.
 */
public interface FileSecurity {
    /**
     * Makes every file and directory this process creates from now on private to its account
     * (on POSIX the process umask becomes 077: files 0600, directories 0700) — in code, so that
     * it holds however the agent is started, not only under a unit file that says so.
     */
    void makeNewFilesPrivate();

    /**
     * Creates {@code dir} private to this account if it is missing; refuses it if it exists and
     * is not a directory, is owned by another account, or is open to the group or others.
     *
     * @param what what the directory is, with its configuration key, for the message
     * @throws UnsafeDirectoryException naming the directory, what is wrong and how to fix it
     */
    void requirePrivateDirectory(Path dir, String what) throws IOException;

    /** POSIX permissions and umask where the file system has them; nothing on Windows (ACLs are the installer's). */
    static FileSecurity forThisPlatform() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new PosixFileSecurity(System.getProperty("user.name"));
        }
        return new WindowsFileSecurity();
    }
}
