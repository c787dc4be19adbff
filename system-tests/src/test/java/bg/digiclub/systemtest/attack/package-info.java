/**
 * The attack suite of issue 9: the real agent jar runs as root (umask 022, as systemd would
 * start it), the real OS accounts {@code digiclub-kiosk} and {@code digiclub-visitor} are
 * created, and every test attacks as one of them ({@code setpriv}): reading the agent's files,
 * connecting to its socket, forging sessions over the raw JSON-lines socket, filling the disk
 * through it, abandoning a session, leaving programs behind. Each test is named for the
 * behaviour that must hold and says in its Javadoc which fix it needs; the model is
 * {@code docs/security.md}.
 *
 * <p>These tests need the real root: they run in their own surefire execution (tag
 * {@value bg.digiclub.systemtest.attack.ClubAccounts#TAG}), outside the user namespace the
 * other system tests run in.
 */
package bg.digiclub.systemtest.attack;
