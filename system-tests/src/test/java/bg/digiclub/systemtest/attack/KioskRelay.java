package bg.digiclub.systemtest.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The kiosk's end of the link in a process of its own, run as another account by
 * {@link KioskLine}: connects to the agent's socket {@code args[0]}, prints {@code CONNECTED}
 * (or {@code CONNECT FAILED <why>} and exits 3), then relays standard input to the socket and
 * the socket to standard output, byte for byte, until either side closes. Only the JDK: its
 * class file is copied where the other account can read it.
 */
public final class KioskRelay {
    private KioskRelay() {}

    public static void main(String[] args) throws Exception {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(args[0]));
        } catch (IOException e) {
            System.out.println("CONNECT FAILED " + e);
            System.out.flush();
            System.exit(3);
        }
        OutputStream out = System.out;
        out.write("CONNECTED\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread toAgent = new Thread(() -> {
            try (InputStream in = System.in;
                    OutputStream socket = Channels.newOutputStream(channel)) {
                in.transferTo(socket);
                channel.shutdownOutput();
            } catch (IOException e) {
                // the agent closed the connection; the other direction ends too
            }
        });
        toAgent.setDaemon(true);
        toAgent.start();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        try {
            while (channel.read(buffer.clear()) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
            }
        } catch (IOException e) {
            // closed under us: the same as end of stream
        }
        System.exit(0);
    }
}
