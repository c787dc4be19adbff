package bg.digiclub.kiosk.agentlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.link.wire.MessageTypes;

/**
 * Session events not yet delivered to the agent, in memory and in a JSON-lines file, so that
 * neither an unreachable agent nor a kiosk crash loses one.
 *
 * <p>Every event is written (and forced to disk) before it is queued; a delivered event is
 * taken off by rewriting the file to a temporary one and moving it over the old. A crash
 * between delivery and rewrite only means the event is sent again, which the agent ignores.
 * At start the file is read back; a line cut short by a crash is dropped with a warning and
 * the file rewritten clean, so the next append does not run into it.
 *
 * <p>The file can hold a member's card code (in a member session's start) while the agent is
 * away, so it belongs in the kiosk's own state directory, never in a place the privacy wipe
 * clears or another account can read.
 */
final class EventSpool {
    private static final Logger LOG = LoggerFactory.getLogger(EventSpool.class);

    private final Path file;
    private final ObjectMapper json;
    private final Deque<SpooledEvent> events = new ArrayDeque<>();
    private long nextSeq = 1;
    private boolean dirty;

    EventSpool(Path file, ObjectMapper json) throws IOException {
        this.file = file.toAbsolutePath();
        this.json = json;
        Files.createDirectories(this.file.getParent());
        load();
    }

    /** Writes the event to the file, then queues it. */
    synchronized void append(String type, Object event) throws IOException {
        SpooledEvent e = new SpooledEvent(nextSeq++, type, json.valueToTree(event));
        byte[] line = (json.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = open(file, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        events.addLast(e);
    }

    /** Queues the event without the file, when the file cannot be written: better than losing it. */
    synchronized void appendInMemory(String type, Object event) {
        events.addLast(new SpooledEvent(nextSeq++, type, json.valueToTree(event)));
    }

    /** The oldest event not yet delivered, if any. */
    synchronized Optional<SpooledEvent> head() {
        return Optional.ofNullable(events.peekFirst());
    }

    /**
     * Takes the delivered head off in memory; the file follows at the next {@link #persist()}.
     * Until then a crash only means those events are delivered again, which the agent ignores,
     * and a backlog of hundreds of heartbeats is not rewritten once per event.
     */
    synchronized void delivered(SpooledEvent e) {
        if (events.peekFirst() != e) {
            throw new IllegalStateException("only the oldest event can be delivered");
        }
        events.removeFirst();
        dirty = true;
    }

    /** Brings the file in line with memory after deliveries. */
    synchronized void persist() throws IOException {
        if (dirty) {
            rewrite();
            dirty = false;
        }
    }

    synchronized int size() {
        return events.size();
    }

    /**
     * The newest session started in the spool whose end is not in it: the session a kiosk that
     * died left behind while the agent was away.
     */
    synchronized Optional<String> unfinishedSessionId() {
        Set<String> open = new LinkedHashSet<>();
        for (SpooledEvent e : events) {
            if (e.type().equals(MessageTypes.SESSION_START)) {
                open.add(e.sessionId());
            } else if (e.type().equals(MessageTypes.SESSION_END)) {
                open.remove(e.sessionId());
            }
        }
        String last = null;
        for (String id : open) {
            last = id;
        }
        return Optional.ofNullable(last);
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int dropped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(line);
                SpooledEvent e = new SpooledEvent(node.get("seq").asLong(), node.get("type").asText(), node.get("body"));
                events.addLast(e);
                nextSeq = Math.max(nextSeq, e.seq() + 1);
            } catch (IOException | RuntimeException e) {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.warn("dropped {} unreadable line(s) of the session spool {} (cut short by a crash?)", dropped, file);
        }
        if (!events.isEmpty()) {
            LOG.info("{} session event(s) from before this start are waiting for the agent", events.size());
        }
        rewrite();
    }

    /** Opens for writing, creating the file readable by the kiosk's account only. */
    private static FileChannel open(Path path, StandardOpenOption mode) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(path, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(path, options);
    }

    private void rewrite() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> lines = new ArrayList<>(events.size());
        for (SpooledEvent e : events) {
            lines.add(json.writeValueAsString(e));
        }
        try (FileChannel out = open(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(lines.isEmpty() ? new byte[0]
                    : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
