package bg.digiclub.common.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One frame of the live channel. The {@code type} field names the record; an unknown type, an
 * unknown field or a missing required field is refused by the reader (StrictJson), and the
 * receiver closes the connection with 1003 and the reason.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PcState.class, name = "state"),
    @JsonSubTypes.Type(value = CommandAck.class, name = "ack"),
    @JsonSubTypes.Type(value = Command.class, name = "command"),
    @JsonSubTypes.Type(value = Room.class, name = "room"),
    @JsonSubTypes.Type(value = CardsChanged.class, name = "cards-changed")
})
public sealed interface LiveMessage permits PcState, CommandAck, Command, Room, CardsChanged {
    /** The largest frame either side accepts, in bytes (a message's text is the largest field). */
    int MAX_FRAME_BYTES = 16 * 1024;
}
