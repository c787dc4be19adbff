package bg.digiclub.common.link.wire;

import java.util.Objects;

/** The visitor pressed "OK" on a staff message: {@code notice.ack} with its id. */
public record NoticeAck(String messageId) {
    public NoticeAck {
        Objects.requireNonNull(messageId, "messageId");
    }
}
