package bg.digiclub.agent.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Run as another account by {@link LinkFairnessTest}: a peer that churns connections and floods
 * requests, one round per {@code round <connections> <requests>} line on stdin. Each round opens
 * that many new connections, sends {@code requests} requests on each, keeps the newest three
 * open (squatting with fresh activity, so that the kiosk's connection looks the idlest) and
 * closes the rest; it then prints {@code done answered=<n> busy=<n> refused=<n> closed=<n>}.
 * Driven line by line, so the test knows each round is over before the kiosk asks again.
 * JDK classes only, so it runs from the test classes directory alone.
 */
public final class PeerChurn {
    private static final int KEPT = 3;

    private PeerChurn() {}

    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        Deque<SocketChannel> open = new ArrayDeque<>();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        String command;
        while ((command = commands.readLine()) != null) {
            String[] words = command.strip().split(" ");
            if (!words[0].equals("round")) {
                continue;
            }
            int connections = Integer.parseInt(words[1]);
            int requests = Integer.parseInt(words[2]);
            int answered = 0;
            int busy = 0;
            int refused = 0;
            int closed = 0;
            for (int c = 0; c < connections; c++) {
                SocketChannel ch;
                try {
                    ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    ch.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    refused++;
                    continue;
                }
                open.addLast(ch);
                for (int r = 0; r < requests; r++) {
                    String answer = ask(ch);
                    if (answer == null) {
                        closed++;
                        break;
                    } else if (answer.contains("\"ok\":true")) {
                        answered++;
                    } else if (answer.contains("\"busy\"")) {
                        busy++;
                    } else {
                        refused++;
                        break;
                    }
                }
                while (open.size() > KEPT) {
                    open.removeFirst().close();
                }
            }
            // the kept ones ask once more, so they are fresher than anyone who waited
            for (SocketChannel ch : open) {
                if (ask(ch) == null) {
                    closed++;
                }
            }
            System.out.println(
                    "done answered=" + answered + " busy=" + busy + " refused=" + refused + " closed=" + closed);
            System.out.flush();
        }
        for (SocketChannel ch : open) {
            ch.close();
        }
    }

    /** One request, its answer line; null if the agent hung up. */
    private static String ask(SocketChannel ch) {
        try {
            ch.write(ByteBuffer.wrap("{\"id\":\"c\",\"type\":\"session.open\"}\n".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // turned away: the agent wrote why and hung up before the request arrived; read why
        }
        try {
            ByteBuffer in = ByteBuffer.allocate(4096);
            StringBuilder line = new StringBuilder();
            while (line.indexOf("\n") < 0) {
                in.clear();
                int n = ch.read(in);
                if (n < 0) {
                    return line.length() > 0 ? line.toString() : null;
                }
                line.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
