package bg.digiclub.agent.health.sampling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.HealthSample;

/** What one call of {@link SamplingWorker#sample()} gave: a fresh sample, or a failure and the latest good one. */
public sealed interface SampleOutcome permits SampleOutcome.Sampled, SampleOutcome.Failed {

    /** The freshest good sample: this one if it succeeded, else the last one that did. */
    Optional<HealthSample> latestGood();

    /** The sample was taken in time. */
    record Sampled(HealthSample sample) implements SampleOutcome {
        public Sampled {
            Objects.requireNonNull(sample, "sample");
        }

        @Override
        public Optional<HealthSample> latestGood() {
            return Optional.of(sample);
        }
    }

    /**
     * No fresh sample this time. Health checks should read this as UNKNOWN for what the sample
     * would have measured, not as OK and not as a stale value.
     *
     * @param reason     why
     * @param at         when the failure was noticed
     * @param detail     a sentence for the log and the staff panel
     * @param latestGood the last good sample, if there ever was one
     */
    record Failed(Reason reason, Instant at, String detail, Optional<HealthSample> latestGood)
            implements SampleOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(latestGood, "latestGood");
        }
    }

    /** Why a sample failed. */
    enum Reason {
        /** The sample took longer than the watchdog's timeout; its thread was abandoned. */
        TIMED_OUT,
        /** The sampler threw an exception. */
        THREW,
        /** Too many abandoned sampling threads are still hanging; no new one was started. */
        STUCK,
        /** The thread asking for the sample was interrupted while waiting. */
        INTERRUPTED
    }
}
