package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Windows: the data directory's ACL is set by the installer (SYSTEM and Administrators only);
 * there is no umask. Directories are only created.
 */
final class WindowsFileSecurity implements FileSecurity {
    @Override
    public void makeNewFilesPrivate() {
        // no umask on Windows: new files inherit the directory's ACL
    }

    @Override
    public void requirePrivateDirectory(Path dir, String what) throws IOException {
        Files.createDirectories(dir);
    }
}
