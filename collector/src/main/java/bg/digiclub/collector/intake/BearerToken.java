package bg.digiclub.collector.intake;

/**
 * Reads the token of an {@code Authorization: Bearer <token>} header, for the device API and the
 * read API alike, so that both refuse a missing or malformed header in the same words.
 */
public final class BearerToken {
    private BearerToken() {}

    /** Why a request carries no bearer token; its message says what the header must be. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        private Missing(String message) {
            super(message);
        }
    }

    /**
     * The token of the header's value.
     *
     * @param header the Authorization header, or null when there is none
     * @throws Missing when there is no header or it is not {@code Bearer <token>}
     */
    public static String of(String header) throws Missing {
        if (header == null || header.isBlank()) {
            throw new Missing("the Authorization: Bearer <token> header is required");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new Missing("the Authorization header must be \"Bearer <token>\"");
        }
        return parts[1];
    }
}
