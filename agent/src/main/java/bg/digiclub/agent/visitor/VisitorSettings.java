package bg.digiclub.agent.visitor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import bg.digiclub.common.config.ConfigProperties;

/**
 * The {@code visitor.*} section of the agent's configuration: the visitor's OS account, which the
 * agent ends, resets and starts programs as. Only the values are checked here;
 * {@link VisitorAccounts#forThisPc} checks them against the PC (the account
 * exists, the home's parent and the template are safe) at start-up.
 *
 * @param account             the account's name; null when this PC has none (development, demo):
 *                            then every reset is reported as failed
 * @param home                its home; null for the one in the password database
 * @param homeTemplate        what a reset home contains (a copy of this directory)
 * @param path                PATH of the programs started as the visitor
 * @param lang                LANG of the programs started as the visitor
 * @param supplementaryGroups programs get the account's supplementary groups (e.g. audio)
 */
public record VisitorSettings(String account, Path home, Path homeTemplate, String path, String lang,
                              boolean supplementaryGroups) {
    public static final Path DEFAULT_TEMPLATE = Path.of("/etc/skel");
    public static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    public static final String DEFAULT_LANG = "bg_BG.UTF-8";

    private static final Pattern LANG = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    public Optional<String> accountName() {
        return Optional.ofNullable(account);
    }

    /** The agent's {@code AgentConfig} calls this while reading the agent's configuration. */
    public static VisitorSettings read(ConfigProperties c) {
        Optional<String> account = c.string("visitor.account");
        if (account.isPresent() && !PosixAccount.isValidName(account.get())) {
            throw c.bad("visitor.account", account.get(), "is not an account name (lower-case letters, digits, _ . -)");
        }
        Path home = absolute(c, "visitor.home").orElse(null);
        if (home != null && home.getParent() == null) {
            throw c.bad("visitor.home", home.toString(), "cannot be the root directory");
        }
        if (home != null && account.isEmpty()) {
            throw c.bad("visitor.home", home.toString(), "is set but visitor.account is not; set both or neither");
        }
        Path template = absolute(c, "visitor.home-template").orElse(DEFAULT_TEMPLATE);
        String path = c.string("visitor.path", DEFAULT_PATH);
        for (String dir : path.split(":", -1)) {
            if (!dir.startsWith("/") || dir.contains("/../") || dir.endsWith("/..")) {
                throw c.bad("visitor.path", path, "must be absolute directories separated by ':'");
            }
        }
        String lang = c.string("visitor.lang", DEFAULT_LANG);
        if (!LANG.matcher(lang).matches()) {
            throw c.bad("visitor.lang", lang, "is not a locale name such as bg_BG.UTF-8");
        }
        boolean groups = c.bool("visitor.supplementary-groups", true);
        return new VisitorSettings(account.orElse(null), home, template, path, lang, groups);
    }

    /** An absolute path without {@code ..} (checked as written, before anything is resolved). */
    private static Optional<Path> absolute(ConfigProperties c, String key) {
        Optional<String> raw = c.string(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path p = c.path(key).orElseThrow();
        if (!raw.get().startsWith("/")) {
            throw c.bad(key, raw.get(), "must be an absolute path");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw c.bad(key, raw.get(), "contains '..'; name the directory directly");
            }
        }
        return Optional.of(p.normalize());
    }
}
