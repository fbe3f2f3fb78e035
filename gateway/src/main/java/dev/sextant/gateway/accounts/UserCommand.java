package dev.sextant.gateway.accounts;

import dev.sextant.gateway.accounts.AccountInput.InvalidInputException;
import dev.sextant.gateway.accounts.PasswordPrompt.NoPasswordException;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;

/**
 * {@code ./sextant user add|list|passwd|remove}: manages built-in accounts in a data folder's database,
 * whether the server is running (its H2 database is reached through the server) or not. Passwords are read
 * by {@link PasswordPrompt}, hashed with the bcrypt the server checks them with.
 */
public final class UserCommand {

    public static final int OK = 0;
    /** The database could not be opened or written. */
    public static final int FAILED = 1;
    /** Wrong arguments or invalid input: nothing was changed. */
    public static final int USAGE = 2;
    /** The account exists (add), does not exist (passwd, remove), or is a demo account (passwd). */
    public static final int REFUSED = 3;

    static final String USAGE_TEXT = """
            Usage:
              ./sextant user add NAME --email EMAIL [--group GROUP]... [--admin] [--data DIR]
              ./sextant user list [--data DIR]
              ./sextant user passwd NAME [--data DIR]
              ./sextant user remove NAME [--data DIR]

            The password is read from the terminal (twice, not echoed) or, when standard input is not a
            terminal, from its first line; at least 12 characters. Works while the server runs or not.
            --data defaults to $SEXTANT_DATA_DIR, else ./data. Exit codes: 0 done, 1 database error,
            2 invalid arguments, 3 refused (exists, no such account, demo account).""";

    private final PasswordPrompt passwords;
    private final PrintStream out;
    private final PrintStream err;
    private final Path defaultDataDir;

    public UserCommand(PasswordPrompt passwords, PrintStream out, PrintStream err, Path defaultDataDir) {
        this.passwords = passwords;
        this.out = out;
        this.err = err;
        this.defaultDataDir = defaultDataDir;
    }

    public static void main(String[] args) {
        // H2 and Flyway log through JBoss LogManager (as in the server); only their warnings matter here.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        LogFactory.setLogLevel(LogLevel.WARN);
        String data = System.getenv("SEXTANT_DATA_DIR");
        Path defaultData = Path.of(data == null || data.isBlank() ? "data" : data);
        System.exit(new UserCommand(PasswordPrompt.system(), System.out, System.err, defaultData).run(args));
    }

    /** The command line that creates the first admin of the data folder {@code dataDir}. */
    public static String firstAdminCommand(String launcher, Path dataDir) {
        return launcher + " user add admin --email admin@example.com --admin --data " + dataDir.toAbsolutePath();
    }

    public int run(String... args) {
        Arguments a;
        try {
            a = Arguments.parse(args, defaultDataDir);
        } catch (InvalidInputException e) {
            err.println("sextant user: " + e.getMessage() + " (./sextant user help shows the usage)");
            return USAGE;
        }
        if (a.command.equals("help")) {
            out.println(USAGE_TEXT);
            return OK;
        }
        try {
            AccountTable accounts = new AccountTable(AccountDatabase.open(a.dataDir));
            return switch (a.command) {
                case "add" -> add(accounts, a);
                case "list" -> list(accounts, a);
                case "passwd" -> passwd(accounts, a);
                case "remove" -> remove(accounts, a);
                default -> throw new IllegalStateException(a.command);
            };
        } catch (InvalidInputException | NoPasswordException e) {
            err.println("sextant user: " + e.getMessage());
            return USAGE;
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("sextant user: cannot use the account database under " + a.dataDir.toAbsolutePath() + ": "
                    + e.getMessage());
            return FAILED;
        }
    }

    private int add(AccountTable accounts, Arguments a) throws SQLException, IOException, NoPasswordException {
        Optional<AccountRecord> existing = accounts.find(a.name);
        if (existing.isPresent()) {
            return refuse(exists(existing.get()));
        }
        AccountRecord account = new AccountRecord(a.name, a.email, null, a.groups, a.admin, false);
        if (!accounts.add(account, hash(a.name))) {
            return refuse("account " + a.name + " already exists");
        }
        out.println("created account " + describe(account));
        return OK;
    }

    private int list(AccountTable accounts, Arguments a) throws SQLException {
        List<AccountRecord> all = accounts.list();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "EMAIL", "GROUPS", "ADMIN", "DEMO"});
        for (AccountRecord r : all) {
            rows.add(new String[] {r.username(), r.email(),
                    r.groups().isEmpty() ? "-" : String.join(",", r.sortedGroups()),
                    r.admin() ? "yes" : "no", r.demo() ? "yes" : "no"});
        }
        int[] widths = new int[5];
        rows.forEach(row -> Arrays.setAll(widths, i -> Math.max(widths[i], row[i].length())));
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format("%-" + (widths[i] + 2) + "s", row[i]) : row[i]);
            }
            out.println(line);
        }
        if (all.isEmpty()) {
            err.println("no accounts yet; create the first admin with: "
                    + firstAdminCommand("./sextant", a.dataDir));
        }
        return OK;
    }

    private int passwd(AccountTable accounts, Arguments a) throws SQLException, IOException, NoPasswordException {
        Optional<AccountRecord> account = accounts.find(a.name);
        if (account.isEmpty()) {
            return refuse("no account named " + a.name + " (./sextant user list shows them)");
        }
        if (account.get().demo()) {
            return refuse(a.name + " is a demo account: its password is 'demo' while demo mode is on, and it is "
                    + "deleted when the server starts without demo mode");
        }
        if (!accounts.setPasswordHash(a.name, hash(a.name))) {
            return refuse("account " + a.name + " was removed meanwhile");
        }
        out.println("changed the password of " + a.name);
        return OK;
    }

    private int remove(AccountTable accounts, Arguments a) throws SQLException {
        if (!accounts.remove(a.name)) {
            return refuse("no account named " + a.name + " (./sextant user list shows them)");
        }
        out.println("removed account " + a.name);
        return OK;
    }

    private String hash(String username) throws IOException, NoPasswordException {
        char[] password = AccountInput.password(passwords.read(username));
        try {
            return BcryptUtil.bcryptHash(new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private int refuse(String message) {
        err.println("sextant user: " + message);
        return REFUSED;
    }

    private static String exists(AccountRecord account) {
        return account.demo()
                ? account.username() + " is a demo account; remove it first (./sextant user remove "
                        + account.username() + "), demo mode would otherwise reset it"
                : "account " + account.username() + " already exists (./sextant user passwd "
                        + account.username() + " changes its password)";
    }

    private static String describe(AccountRecord a) {
        return a.username() + " <" + a.email() + ">"
                + (a.groups().isEmpty() ? "" : ", groups " + String.join(",", a.sortedGroups()))
                + (a.admin() ? ", admin" : "");
    }

    /** The parsed command line; every value is validated here, before the database is touched. */
    private record Arguments(String command, String name, String email, Set<String> groups, boolean admin,
                             Path dataDir) {

        static Arguments parse(String[] args, Path defaultDataDir) {
            if (args.length == 0) {
                throw new InvalidInputException("which command? add, list, passwd or remove");
            }
            String command = args[0];
            if (Set.of("help", "-h", "--help").contains(command)) {
                return new Arguments("help", null, null, Set.of(), false, defaultDataDir);
            }
            if (!Set.of("add", "list", "passwd", "remove").contains(command)) {
                throw new InvalidInputException("unknown command '" + command + "'");
            }
            List<String> positional = new ArrayList<>();
            String email = null;
            Set<String> groups = new LinkedHashSet<>();
            boolean admin = false;
            Path dataDir = defaultDataDir;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--email" -> email = AccountInput.email(value(args, ++i, arg));
                    case "--group" -> groups.add(AccountInput.group(value(args, ++i, arg)));
                    case "--admin" -> admin = true;
                    case "--data" -> dataDir = Path.of(value(args, ++i, arg));
                    case "--password", "-p" -> throw new InvalidInputException("passwords are never taken from the "
                            + "command line (other users can read it): type it when asked, or pipe it to stdin");
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new InvalidInputException("unknown option '" + arg + "' for user " + command);
                        }
                        positional.add(arg);
                    }
                }
            }
            boolean add = command.equals("add");
            if ((!add && (email != null || !groups.isEmpty() || admin))) {
                throw new InvalidInputException("--email, --group and --admin are options of user add only");
            }
            if (command.equals("list")) {
                if (!positional.isEmpty()) {
                    throw new InvalidInputException("user list takes no name");
                }
                return new Arguments(command, null, null, Set.of(), false, dataDir);
            }
            if (positional.size() != 1) {
                throw new InvalidInputException("user " + command + " needs exactly one account name");
            }
            if (add && email == null) {
                throw new InvalidInputException("user add needs --email (the account's user: principal)");
            }
            return new Arguments(command, AccountInput.username(positional.get(0)), email, groups, admin, dataDir);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new InvalidInputException(option + " needs a value");
            }
            return args[i];
        }
    }
}
