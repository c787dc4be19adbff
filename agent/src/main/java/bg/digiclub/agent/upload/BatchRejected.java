package bg.digiclub.agent.upload;

import java.util.Objects;

import bg.digiclub.common.batch.BatchKind;

/**
 * The upload contract's records refused a batch while it was being sealed: the collector would
 * refuse it too, so it is not sealed. Nothing is lost by that: what it would have carried stays
 * in the agent's stores and is sealed again at the next round. The message names the field, never
 * a value that could identify anyone (the records' messages name fields and bounds).
 */
public final class BatchRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final BatchKind kind;

    public BatchRejected(BatchKind kind, RuntimeException cause) {
        super(
                Objects.requireNonNull(kind, "kind") + " batch refused by the upload contract: "
                        + Objects.requireNonNull(cause, "cause").getMessage(),
                cause);
        this.kind = kind;
    }

    /** Which kind of batch was refused. */
    public BatchKind kind() {
        return kind;
    }
}
