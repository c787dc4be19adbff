/**
 * The agent's configuration: the file is read once at start-up with the one configuration
 * reader ({@link bg.digiclub.common.config.ConfigProperties}) and put together into
 * {@link bg.digiclub.agent.config.AgentConfig}. Each feature owns its settings record and reads
 * its own keys ({@code link.LinkSettings}, {@code member.MemberSettings},
 * {@code session.SessionSettings}, {@code health.sampling.SamplingSettings},
 * {@code health.check.HealthThresholdsConfig}, {@code upload.UploadConfig},
 * {@code visitor.VisitorSettings}); this package composes them and no feature imports it, so
 * the dependency goes one way.
 */
package bg.digiclub.agent.config;
