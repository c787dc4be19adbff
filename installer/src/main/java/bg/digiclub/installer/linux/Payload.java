package bg.digiclub.installer.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files the installer lays out, from its resources {@code payload/linux/}: each
 * {@code payload/linux/<part>.manifest} lists them one a line as {@code path mode owner group
 * [config]} ({@code #} starts a comment). {@code path} is where the file goes on the PC and, below
 * {@code payload/linux}, where it is among the resources; a path ending in {@code /} is a
 * directory. {@code config} marks a file the administrator may edit: laid out when missing,
 * never overwritten (install again, upgrade). Every manifest is read, so a part of the install
 * adds its files with a manifest of its own and no code.
 */
public final class Payload {
    /** One manifest line. */
    public record Entry(String manifest, String path, int mode, String owner, String group, boolean config) {
        public boolean isDirectory() {
            return path.endsWith("/");
        }

        /** The path without a directory's trailing slash. */
        public String target() {
            return isDirectory() && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        }
    }

    /** Stands for the java program in payload files. */
    public static final String JAVA = "@JAVA@";

    private final Path base;
    private final List<Entry> entries;

    private Payload(Path base, List<Entry> entries) {
        this.base = base;
        this.entries = entries;
    }

    /** The payload among this installer's own resources (in its jar, or its classes directory). */
    public static Payload ofResources() throws IOException {
        URL url = Payload.class.getResource("/payload/linux");
        if (url == null) {
            throw new IOException("the installer has no payload/linux among its resources (a broken build)");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return of(fs.provider().getPath(uri));
            }
            return of(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException("payload location " + url + ": " + e.getMessage(), e);
        }
    }

    /** The payload in a directory (holding {@code *.manifest} and the files below it). */
    public static Payload of(Path base) throws IOException {
        List<Path> manifests;
        try (Stream<Path> s = Files.list(base)) {
            manifests = s.filter(p -> p.getFileName().toString().endsWith(".manifest"))
                    .sorted()
                    .toList();
        }
        List<Entry> entries = new ArrayList<>();
        for (Path m : manifests) {
            entries.addAll(parse(m.getFileName().toString(), Files.readAllLines(m, StandardCharsets.UTF_8)));
        }
        return new Payload(base, List.copyOf(entries));
    }

    /** The lines of one manifest; a wrong line is refused naming the manifest and the line. */
    public static List<Entry> parse(String name, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = name + " line " + (i + 1) + ": ";
            if (f.length < 4 || f.length > 5 || (f.length == 5 && !f[4].equals("config"))) {
                throw new IllegalArgumentException(
                        where + "expected 'path mode owner group [config]', got '" + line + "'");
            }
            if (!f[0].startsWith("/") || f[0].contains("/../") || f[0].endsWith("/..")) {
                throw new IllegalArgumentException(where + "the path must be absolute and plain: " + f[0]);
            }
            if (!f[1].matches("0?[0-7]{3}")) {
                throw new IllegalArgumentException(where + "the mode must be octal like 0644: " + f[1]);
            }
            out.add(new Entry(name, f[0], Integer.parseInt(f[1], 8), f[2], f[3], f.length == 5));
        }
        return out;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The links {@code systemctl enable} would make for the payload's units (link -> unit path),
     * from each unit's {@code [Install] WantedBy=}: made by the installer itself, since systemctl
     * cannot run for a directory tree. A part's unit is enabled by saying so in its own file.
     */
    public java.util.SortedMap<String, String> enableLinks() {
        java.util.SortedMap<String, String> links = new java.util.TreeMap<>();
        for (Entry e : entries) {
            String name = e.target().substring(e.target().lastIndexOf('/') + 1);
            if (e.isDirectory()
                    || !e.target().startsWith("/etc/systemd/system/")
                    || !name.matches(".+\\.(service|timer|socket|path)")) {
                continue;
            }
            String section = "";
            for (String line : new String(content(e), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.startsWith("[")) {
                    section = l;
                } else if (section.equals("[Install]") && l.startsWith("WantedBy=")) {
                    for (String wantedBy :
                            l.substring("WantedBy=".length()).strip().split("\\s+")) {
                        links.put("/etc/systemd/system/" + wantedBy + ".wants/" + name, e.target());
                    }
                }
            }
        }
        return links;
    }

    /**
     * The content of a file entry, with {@value #JAVA} replaced by the java the installer runs on
     * (the package's Java 17, which the class-data archives are recorded with), so that the units
     * and the session never start whatever {@code java} comes first on the PATH.
     */
    public byte[] content(Entry e) {
        try {
            byte[] raw = Files.readAllBytes(base.resolve(e.path().substring(1)));
            String text = new String(raw, StandardCharsets.UTF_8);
            return text.contains(JAVA)
                    ? text.replace(JAVA, LinuxInstaller.javaCommand()).getBytes(StandardCharsets.UTF_8)
                    : raw;
        } catch (IOException ex) {
            throw new UncheckedIOException(
                    "payload file " + e.path() + " listed in " + e.manifest() + " is missing", ex);
        }
    }
}
