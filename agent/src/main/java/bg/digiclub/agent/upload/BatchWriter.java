package bg.digiclub.agent.upload;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.StrictJson;

/**
 * Writes a sealed batch's payload from the contract's {@link Batch} record with the contract's
 * one mapper ({@link StrictJson}, the collector's), so the agent sends exactly what the collector
 * reads. A batch whose records refuse their content is {@link BatchRejected}, never sealed.
 */
public final class BatchWriter {
    private static final ObjectMapper JSON = StrictJson.mapper();

    private BatchWriter() {}

    /**
     * A payload writer that builds the batch with {@code content} once the outbox has fixed its
     * envelope values.
     *
     * @throws BatchRejected (from the writer) when the records refuse the content
     */
    public static PayloadWriter of(Function<SealInfo, Batch> content) {
        Objects.requireNonNull(content, "content");
        return info -> {
            Batch batch;
            try {
                batch = content.apply(info);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BatchRejected(info.kind(), e);
            }
            if (batch.kind() != info.kind()
                    || batch.sequence() != info.sequence()
                    || !batch.batchId().equals(info.batchId())) {
                throw new IllegalStateException("the batch does not carry the envelope the outbox fixed for it");
            }
            return json(batch);
        };
    }

    /** The batch as UTF-8 JSON, as it goes on the wire before compression. */
    public static byte[] json(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        try {
            return JSON.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a " + batch.kind() + " batch", e);
        }
    }
}
