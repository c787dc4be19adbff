package bg.digiclub.common.link.wire;

import java.util.Objects;

/**
 * A message from staff, shown over everything until the visitor acknowledges it.
 *
 * @param id the command's id; {@code notice.ack} names it
 */
public record ShownMessage(String id, String text) {
    public ShownMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
