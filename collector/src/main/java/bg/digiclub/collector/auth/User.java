package bg.digiclub.collector.auth;

import java.util.Objects;

/**
 * A signed-in dashboard user.
 *
 * @param clubId the user's club for {@link Role#CLUB_STAFF}, null for {@link Role#MUNICIPALITY}
 */
public record User(String username, Role role, String clubId) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if ((role == Role.CLUB_STAFF) != (clubId != null)) {
            throw new IllegalArgumentException("a club is required for CLUB_STAFF and only for it");
        }
    }

    /** True if this user may see the club's numbers; enforced on every page and export. */
    public boolean maySee(String club) {
        return role == Role.MUNICIPALITY || clubId.equals(club);
    }
}
