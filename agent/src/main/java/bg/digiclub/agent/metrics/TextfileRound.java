package bg.digiclub.agent.metrics;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.HealthRound;

/**
 * The textfile's part of a health round: told the round (its report and fresh sample), it reads the session and the outbox ({@link PcState}) and replaces the file. A
 * failure (the directory gone, the database busy) is logged and the round goes on: monitoring must
 * never stop the agent. One publisher calls it, on the round's thread.
 */
public final class TextfileRound implements Consumer<HealthRound> {
    private static final Logger LOG = LoggerFactory.getLogger(TextfileRound.class);

    /** What the file tells beside the health report, read each round. */
    public interface PcState {
        boolean sessionOpen() throws SQLException;

        /** The outbox and the last delivery; empty when no collector is configured. */
        Optional<RoundFigures.UploadFigures> upload() throws SQLException;
    }

    private final AgentTextfile file;
    private final PcState state;
    private final String version;
    private final Clock clock;
    private String lastFailure;

    public TextfileRound(AgentTextfile file, PcState state, String version, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.state = Objects.requireNonNull(state, "state");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void accept(HealthRound round) {
        try {
            RoundFigures figures = new RoundFigures(round, state.upload(), state.sessionOpen(), clock.instant());
            file.write(AgentMetricsText.render(figures, version));
            if (lastFailure != null) {
                LOG.info("{} written again", file.file());
                lastFailure = null;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            // said once per kind of failure, not every round
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warn("cannot write {} (metrics.textfile-dir): {}", file.file(), failure);
                lastFailure = failure;
            }
        }
    }
}
