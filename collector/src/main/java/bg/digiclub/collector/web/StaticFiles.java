package bg.digiclub.collector.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import io.javalin.http.Context;

/** The dashboard's stylesheet and script, from the jar's {@code /web/} folder. */
final class StaticFiles {
    private StaticFiles() {}

    static void serve(Context ctx, String name, String contentType) throws IOException {
        Objects.requireNonNull(name, "name");
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(contentType).header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        }
    }
}
