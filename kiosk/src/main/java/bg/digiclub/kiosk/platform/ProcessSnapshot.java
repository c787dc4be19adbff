package bg.digiclub.kiosk.platform;

import java.util.Objects;

/**
 * What the kiosk knows about one running process at one moment.
 *
 * @param pid         the process id
 * @param parentPid   the parent's id, or {@code -1} if unknown
 * @param user        the owner's account name as the OS reports it, or {@code ""} if unknown
 * @param executable  the executable's full path, or {@code ""} if unknown
 * @param commandLine the command line, or {@code ""} if unknown
 */
public record ProcessSnapshot(long pid, long parentPid, String user, String executable, String commandLine) {
    public ProcessSnapshot {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(commandLine, "commandLine");
    }

    /** Snapshot of a live handle; fields the OS will not tell (another user's process) are empty. */
    public static ProcessSnapshot of(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        return new ProcessSnapshot(
                handle.pid(),
                handle.parent().map(ProcessHandle::pid).orElse(-1L),
                info.user().orElse(""),
                info.command().orElse(""),
                info.commandLine().orElse(""));
    }

    /** The executable's file name ({@code openbox}, {@code explorer.exe}), or {@code ""}. */
    public String executableName() {
        if (executable.isEmpty()) {
            return "";
        }
        // Windows paths arrive with backslashes; Path on Linux would not split them.
        int cut = Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\'));
        return cut < 0 ? executable : executable.substring(cut + 1);
    }
}
