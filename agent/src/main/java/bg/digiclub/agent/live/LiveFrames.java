package bg.digiclub.agent.live;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.LiveMessage;

/**
 * The live channel's frames as text: one {@link LiveMessage} each, written and read with the
 * contract's strict JSON (an unknown type or field, a missing one, or a value out of range is
 * refused), at most {@link LiveMessage#MAX_FRAME_BYTES} bytes.
 */
final class LiveFrames {
    private final ObjectMapper json = StrictJson.mapper();
    private final ObjectWriter writer = json.writerFor(LiveMessage.class);

    /** The message in a text frame from the collector. */
    LiveMessage read(String text) throws BadFrame {
        if (text.length() > LiveMessage.MAX_FRAME_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > LiveMessage.MAX_FRAME_BYTES) {
            throw new BadFrame("frame larger than " + LiveMessage.MAX_FRAME_BYTES + " bytes");
        }
        try {
            return json.readValue(text, LiveMessage.class);
        } catch (JsonProcessingException e) {
            // the parser's own words (which field, which type), without the frame's text around them
            String reason = "not a live message: " + e.getOriginalMessage();
            Optional<UUID> command = commandId(text);
            if (command.isPresent()) {
                throw new UnreadableCommand(command.get(), reason);
            }
            throw new BadFrame(reason);
        }
    }

    /** The id of a frame that says it is a command, if it has a readable one. */
    private Optional<UUID> commandId(String text) {
        try {
            JsonNode tree = json.readTree(text);
            if (tree != null
                    && "command".equals(tree.path("type").asText())
                    && tree.path("id").isTextual()) {
                return Optional.of(UUID.fromString(tree.path("id").asText()));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not JSON, duplicate keys, or no id: a bad frame like any other
        }
        return Optional.empty();
    }

    /** The text frame of a message the agent sends. */
    String write(LiveMessage message) {
        try {
            String text = writer.writeValueAsString(message);
            if (text.getBytes(StandardCharsets.UTF_8).length > LiveMessage.MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("a " + message.getClass().getSimpleName() + " larger than "
                        + LiveMessage.MAX_FRAME_BYTES + " bytes");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + message.getClass().getSimpleName(), e);
        }
    }
}
