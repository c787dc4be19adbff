package bg.digiclub.common.link.wire;

/**
 * One request line.
 *
 * @param id   chosen by the client and echoed in the response, so a client can match them
 * @param type one of {@link MessageTypes}
 * @param body the type's body; its shape depends on {@code type}
 * @param <B>  the body's type: a concrete record when writing, a JSON tree when the agent reads
 */
public record LinkRequest<B>(String id, String type, B body) {}
