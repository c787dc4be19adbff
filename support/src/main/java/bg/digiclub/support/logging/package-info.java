/**
 * Where the programs' logs go, decided alike for the agent and the collector (docs/operations.md,
 * "Logging"): an operator's logback file replaces the built-in set-up ({@link OperatorLogFile}); under
 * systemd the journal gets each line once, from the console ({@link JournalStream}). JDK only: each
 * program applies the decision with its own logback set-up.
 */
package bg.digiclub.support.logging;
