package bg.digiclub.collector.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Address blocks ({@code 10.0.0.0/8}, {@code ::1}): the trusted proxies of {@link ClientAddresses},
 * the clients allowed to read {@code /metrics}. Only address literals are read, never names.
 */
public final class AddressBlocks {
    private final List<Block> blocks;

    private AddressBlocks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Addresses ({@code 10.0.0.5}, {@code ::1}) or blocks ({@code 10.0.0.0/8}); anything else is
     * refused with a message naming {@code setting}.
     */
    public static AddressBlocks parse(List<String> texts, String setting) {
        Objects.requireNonNull(setting, "setting");
        List<Block> blocks = new ArrayList<>();
        for (String text : texts) {
            blocks.add(Block.parse(text.strip(), setting));
        }
        return new AddressBlocks(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** True if {@code address} is an address literal inside one of the blocks. */
    public boolean contains(String address) {
        InetAddress parsed = ClientAddresses.literal(address);
        return parsed != null && contains(parsed);
    }

    boolean contains(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /** An address block: an address and how many leading bits must match. */
    private record Block(byte[] address, int bits) {
        static Block parse(String text, String setting) {
            int slash = text.indexOf('/');
            InetAddress address = ClientAddresses.literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        setting + " must be an IP address or a block like 10.0.0.0/8, " + "was " + text);
            }
            int max = address.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException(setting + " " + text + ": the prefix length must be 0-" + max);
                }
            }
            return new Block(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (other[full] & mask) == (address[full] & mask);
        }
    }
}
