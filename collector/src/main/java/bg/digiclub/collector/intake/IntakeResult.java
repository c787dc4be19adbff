package bg.digiclub.collector.intake;

import bg.digiclub.common.batch.BatchReceipt;

/** A stored batch's receipt, and whether it was stored earlier (a replayed delivery). */
public record IntakeResult(BatchReceipt receipt, boolean replayed) {}
