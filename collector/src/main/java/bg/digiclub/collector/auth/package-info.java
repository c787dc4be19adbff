/**
 * Who may see what: dashboard users with PBKDF2 password hashes, their roles (the municipality
 * sees every club, club staff only their own), throttling of failed attempts, session cookies,
 * and the random secrets (device tokens, enrolment codes) of which only hashes are stored.
 */
package bg.digiclub.collector.auth;
