/**
 * The kiosk-agent wire format: one JSON object per line over the local socket.
 *
 * <p>A request is {@code {"id":"7","type":"session.start","body":{...}}}; the answer carries the
 * same id and either {@code "ok":true,"body":...} or {@code "ok":false,"error":{"code":...,"message":...}}.
 * {@link MessageTypes} lists the types, {@link ErrorCodes} the error codes, and the records here
 * are the bodies that are not already messages of {@code bg.digiclub.common.link}. Both ends
 * configure Jackson strictly (no scalar coercion, unknown fields rejected, ISO-8601 times and
 * durations).
 */
package bg.digiclub.common.link.wire;
