package bg.digiclub.collector.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which address a request comes from, for the throttles (failed sign-ins and enrolments) and the
 * per-address connection limit. Behind the documented HTTPS proxy every connection comes from the
 * proxy, so the client is the one the proxy names in {@code X-Forwarded-For}, but only when the
 * connection really comes from a configured trusted proxy: from anyone else the header is the
 * client's own word and is ignored, or a visitor would pick a fresh address for every guess.
 *
 * <p>The header is read from the right: each trusted proxy appends the address it was connected
 * from, so the first entry from the right that is not a trusted proxy is the client; whatever is
 * left of it was sent by the client and is not believed. Only address literals are read, never
 * names (no DNS look-up for a header).
 */
public final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final AddressBlocks trusted;

    private ClientAddresses(AddressBlocks trusted) {
        this.trusted = trusted;
    }

    /** No trusted proxy: every client is its TCP peer. */
    public static ClientAddresses direct() {
        return new ClientAddresses(AddressBlocks.parse(List.of(), "--trusted-proxy"));
    }

    /**
     * Trusted proxies as addresses ({@code 10.0.0.5}, {@code ::1}) or blocks ({@code 10.0.0.0/8});
     * anything else is refused with a message naming {@code --trusted-proxy}.
     */
    public static ClientAddresses trusting(List<String> proxies) {
        return new ClientAddresses(AddressBlocks.parse(proxies, "--trusted-proxy"));
    }

    public boolean hasTrustedProxies() {
        return !trusted.isEmpty();
    }

    /** True if the address (a literal) is a configured trusted proxy. */
    public boolean isTrustedProxy(String address) {
        return trusted.contains(address);
    }

    /**
     * The client of a request from {@code peer} with these {@code X-Forwarded-For} header values
     * (in the order received; empty when there is none).
     */
    public String client(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrustedProxy(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // a trusted proxy writes addresses; this is not one: trust nothing left of it
                return peer;
            }
            if (!trusted.contains(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer;
    }

    /** An address literal without a look-up, or null. IPv6 may come in brackets. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(t).matches();
        if (!v4 && !(t.contains(":") && IPV6.matcher(t).matches())) {
            return null;
        }
        try {
            // a literal: getByName does not ask DNS for it
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
