/**
 * Upload of sealed batches to the municipality's collector.
 *
 * <p>{@link bg.digiclub.agent.upload.Outbox} keeps sealed batches in the agent's SQLite until
 * the collector has answered 2xx; {@link bg.digiclub.agent.upload.Uploader} sends them over
 * HTTPS (OkHttp) oldest first with an {@code Idempotency-Key}, backing off on trouble;
 * {@link bg.digiclub.agent.upload.UploadService} decides when (usage once a day in a window,
 * health every 15 minutes, or now); {@link bg.digiclub.agent.upload.EnrolmentClient} turns a
 * club's enrolment code into this device's id and token. Batches are the upload contract's
 * records ({@code common.batch}), written by {@link bg.digiclub.agent.upload.BatchWriter} with the
 * contract's one mapper; a batch the records refuse is {@link bg.digiclub.agent.upload.BatchRejected}
 * and never sealed. Every payload passes a {@link bg.digiclub.agent.upload.PayloadGuard} before it
 * is sealed.
 */
package bg.digiclub.agent.upload;
