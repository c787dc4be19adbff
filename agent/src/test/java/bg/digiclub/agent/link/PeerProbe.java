package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run as another account by {@link OtherAccountsTest}: connects to the socket given as argument,
 * asks {@code session.open}, prints the answer line (also when the agent answered and hung up
 * before the request could be written) or {@code CONNECT FAILED: <reason>}.
 * JDK classes only, so it runs from the test classes directory alone.
 */
public final class PeerProbe {
    private PeerProbe() {}

    public static void main(String[] args) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
            try {
                ch.write(
                        ByteBuffer.wrap("{\"id\":\"p\",\"type\":\"session.open\"}\n".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException refusedFirst) {
                // the agent may refuse and hang up before the request is written (broken pipe): its
                // answer is still waiting to be read
            }
            ByteBuffer in = ByteBuffer.allocate(4096);
            StringBuilder line = new StringBuilder();
            while (line.indexOf("\n") < 0 && ch.read(in) > 0) {
                line.append(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
                in.clear();
            }
            System.out.println(line.toString().strip());
        } catch (IOException e) {
            System.out.println("CONNECT FAILED: " + e.getMessage());
        }
    }
}
