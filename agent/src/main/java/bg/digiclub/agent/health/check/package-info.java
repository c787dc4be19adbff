/**
 * Health checks: judge {@link bg.digiclub.agent.health.HealthSample}s against configurable
 * {@link bg.digiclub.agent.health.check.HealthThresholds} and say what changed.
 *
 * <p>The public API is {@link bg.digiclub.agent.health.check.HealthEvaluator} (one per agent,
 * fed samples in time order), its {@link bg.digiclub.agent.health.check.Evaluation},
 * the thresholds ({@link bg.digiclub.agent.health.check.HealthThresholds},
 * {@link bg.digiclub.agent.health.check.Levels}, {@link bg.digiclub.agent.health.check.FanRule}),
 * the stable {@link bg.digiclub.agent.health.check.CheckNames} and their plain-words
 * {@link bg.digiclub.agent.health.check.CheckTexts}. The individual checks, the hysteresis and
 * minimum-duration logic ({@code LevelTracker}) and the wording are package-private.
 */
package bg.digiclub.agent.health.check;
