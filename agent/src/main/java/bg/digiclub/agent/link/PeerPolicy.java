package bg.digiclub.agent.link;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.net.UnixDomainPrincipal;

/**
 * Which accounts may talk to the agent, checked against the peer credentials
 * ({@code SO_PEERCRED}) of every connection on top of the socket's file permissions.
 *
 * <p>A connection is admitted if its user is one of {@code users} or its group one of
 * {@code groups}. {@code SO_PEERCRED} gives the connecting process's effective user and
 * <em>primary</em> group only, not its supplementary groups: list the group a staff tool runs
 * with, not one its user merely belongs to.
 */
public record PeerPolicy(Set<UserPrincipal> users, Set<GroupPrincipal> groups) {
    public PeerPolicy {
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
        if (users.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("no user or group is allowed to use the link; the kiosk could never connect");
        }
    }

    /**
     * Resolves account names or numeric ids ({@code "digiclub-kiosk"}, {@code "1001"}).
     *
     * @throws IOException naming the entry that is neither an existing account nor a number
     */
    public static PeerPolicy resolve(List<String> users, List<String> groups) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        Set<UserPrincipal> u = new java.util.HashSet<>();
        for (String name : users) {
            u.add(lookupUser(lookup, name));
        }
        Set<GroupPrincipal> g = new java.util.HashSet<>();
        for (String name : groups) {
            g.add(lookupGroup(lookup, name));
        }
        return new PeerPolicy(u, g);
    }

    public boolean admits(UnixDomainPrincipal peer) {
        return users.contains(peer.user()) || groups.contains(peer.group());
    }

    @Override
    public String toString() {
        return "users " + users.stream().map(UserPrincipal::getName).collect(Collectors.joining(","))
                + ", groups " + groups.stream().map(GroupPrincipal::getName).collect(Collectors.joining(","));
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
