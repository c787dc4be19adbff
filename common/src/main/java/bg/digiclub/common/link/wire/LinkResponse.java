package bg.digiclub.common.link.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One response line: {@code ok} with a {@code body}, or not {@code ok} with an {@code error}.
 *
 * @param id the request's id, null when the request was too broken to read one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkResponse<B>(String id, boolean ok, B body, LinkError error) {

    public static <B> LinkResponse<B> success(String id, B body) {
        return new LinkResponse<>(id, true, body, null);
    }

    public static <B> LinkResponse<B> failure(String id, LinkError error) {
        return new LinkResponse<>(id, false, null, error);
    }
}
