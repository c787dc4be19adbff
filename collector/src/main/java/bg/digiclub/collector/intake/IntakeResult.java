package bg.digiclub.collector.intake;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.BatchReceipt;

/** A stored batch's receipt, whether it was stored earlier (a replayed delivery), and its kind (for /metrics). */
public record IntakeResult(BatchReceipt receipt, boolean replayed, BatchKind kind) {}
