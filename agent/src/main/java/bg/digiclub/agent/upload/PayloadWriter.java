package bg.digiclub.agent.upload;

/** Writes a batch's JSON payload once the outbox has fixed its envelope values. */
@FunctionalInterface
public interface PayloadWriter {
    /** The payload as UTF-8 JSON (not yet compressed). */
    byte[] write(SealInfo info);
}
