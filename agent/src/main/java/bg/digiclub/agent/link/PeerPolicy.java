package bg.digiclub.agent.link;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.net.UnixDomainPrincipal;

/**
 * Which accounts may talk to the agent, checked against the peer credentials
 * ({@code SO_PEERCRED}) of every connection on top of the socket's file permissions, and which
 * of them is the kiosk's.
 *
 * <p>A connection is admitted if its user is the kiosk's, one of {@code users}, or its group one
 * of {@code groups}. The kiosk is known by its user alone: a group is shared, a user is not.
 * {@code SO_PEERCRED} gives the connecting process's effective user and <em>primary</em> group
 * only, not its supplementary groups: list the group a staff tool runs with, not one its user
 * merely belongs to.
 */
public record PeerPolicy(UserPrincipal kiosk, Set<UserPrincipal> users, Set<GroupPrincipal> groups) {
    public PeerPolicy {
        Objects.requireNonNull(kiosk, "kiosk");
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
    }

    /**
     * Resolves account names or numeric ids ({@code "digiclub-kiosk"}, {@code "1001"}).
     *
     * @throws IOException naming the entry that is neither an existing account nor a number
     */
    public static PeerPolicy resolve(String kiosk, List<String> users, List<String> groups) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal k;
        try {
            k = lookup.lookupPrincipalByName(kiosk.strip());
        } catch (IOException e) {
            throw new IOException(
                    "the kiosk's user '" + kiosk + "' is neither an account on this PC nor a numeric uid", e);
        }
        Set<UserPrincipal> u = new java.util.HashSet<>();
        for (String name : users) {
            u.add(lookupUser(lookup, name));
        }
        Set<GroupPrincipal> g = new java.util.HashSet<>();
        for (String name : groups) {
            g.add(lookupGroup(lookup, name));
        }
        return new PeerPolicy(k, u, g);
    }

    public boolean admits(UnixDomainPrincipal peer) {
        return isKiosk(peer) || users.contains(peer.user()) || groups.contains(peer.group());
    }

    /** True for a connection of the kiosk's account. */
    public boolean isKiosk(UnixDomainPrincipal peer) {
        return kiosk.equals(peer.user());
    }

    @Override
    public String toString() {
        return "kiosk " + kiosk.getName() + ", users "
                + users.stream().map(UserPrincipal::getName).collect(Collectors.joining(",")) + ", groups "
                + groups.stream().map(GroupPrincipal::getName).collect(Collectors.joining(","));
    }

    private static UserPrincipal lookupUser(UserPrincipalLookupService lookup, String name) throws IOException {
        try {
            // the JDK falls back to a numeric uid when no account has this name
            return lookup.lookupPrincipalByName(name.strip());
        } catch (IOException e) {
            throw new IOException("allowed user '" + name + "' is neither an account on this PC nor a numeric uid", e);
        }
    }

    private static GroupPrincipal lookupGroup(UserPrincipalLookupService lookup, String name) throws IOException {
        try {
            return lookup.lookupPrincipalByGroupName(name.strip());
        } catch (IOException e) {
            throw new IOException("allowed group '" + name + "' is neither a group on this PC nor a numeric gid", e);
        }
    }
}
