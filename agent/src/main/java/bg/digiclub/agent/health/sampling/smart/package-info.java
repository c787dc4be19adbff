/**
 * SMART disk health from {@code smartctl}: the process is run with a time limit
 * ({@code SmartctlProcess}), its JSON parsed apart ({@code SmartctlOutput}), verdicts kept for a
 * time-to-live ({@code SmartHealthReader}) and added to another sampler's samples
 * ({@code SmartHealthSampler}).
 */
package bg.digiclub.agent.health.sampling.smart;
