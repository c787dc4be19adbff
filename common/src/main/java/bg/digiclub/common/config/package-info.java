/**
 * Reading configuration files: one typed, validating reader shared by every DigiClub program
 * (agent, kiosk, collector, and the installer's {@code verify}), so that a bad value is reported
 * the same way everywhere ({@code <file>: key '<key>': <what is wrong>}), a blank value means
 * the same everywhere (an error for a single value, the default for a list), and a renamed key
 * keeps working with a warning ({@link bg.digiclub.common.config.RenamedKeys}, the one table of
 * renames, which also states the key style).
 */
package bg.digiclub.common.config;
