/**
 * Reading configuration files: one typed, validating reader shared by every DigiClub program,
 * so that a bad value is reported the same way everywhere (file, key, what is wrong).
 */
package bg.digiclub.common.config;
