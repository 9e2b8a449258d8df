package io.animops.operator.auth;

import io.animops.operator.db.CommandLineDatabase;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code user add NAME --role viewer|operator|admin | passwd NAME | reset-totp NAME | disable NAME | enable NAME | list}
 * {@code [--jdbc-url URL] [--db-user NAME]}: manages users over plain JDBC, without starting the operator (the
 * database as for {@link CommandLineDatabase}). {@code add} prints a one-time password to change at first sign-in;
 * {@code passwd} reads the new password from the console without echo (or one line of standard input). Each change
 * is audited with the actor {@code cli:<os user>}.
 */
public final class UserCommand {
    public static final String COMMAND = "user";
    private static final String USAGE =
            "usage: user add NAME --role " + String.join("|", Role.ids().split(", "))
                    + " | passwd NAME | reset-totp NAME | disable NAME | enable NAME | list  [--jdbc-url URL] [--db-user NAME]";

    private UserCommand() {}

    public static boolean isRequested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Runs the command; the exit code: 0 done, 2 bad usage, 1 failed (no such user, database error). */
    public static int run(
            String[] args, Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        String action;
        String name = null;
        Map<String, String> options = new HashMap<>();
        try {
            if (args.length < 2) {
                throw new UsageException("missing action");
            }
            action = args[1];
            int i = 2;
            if (!action.equals("list")) {
                if (args.length < 3 || args[2].startsWith("--")) {
                    throw new UsageException(action + ": missing user name");
                }
                name = args[2];
                i = 3;
            }
            for (; i < args.length; i++) {
                String option = args[i];
                if (!List.of("--role", "--jdbc-url", "--db-user").contains(option) || i + 1 >= args.length) {
                    throw new UsageException(option + ": unknown option or missing value");
                }
                options.put(option.equals("--db-user") ? "--user" : option, args[++i]);
            }
            if (!List.of("add", "passwd", "reset-totp", "disable", "enable", "list")
                    .contains(action)) {
                throw new UsageException(action + ": unknown action");
            }
            if (action.equals("add")) {
                String problem = UserStore.nameProblem(name);
                if (problem != null) {
                    throw new UsageException("NAME " + problem);
                }
                if (Role.parse(options.get("--role")).isEmpty()) {
                    throw new UsageException("--role: required, one of " + Role.ids());
                }
            }
        } catch (UsageException e) {
            stderr.println("user: " + e.getMessage());
            stderr.println(USAGE);
            return 2;
        }
        try (Connection c = CommandLineDatabase.connect(options, env)) {
            if (c == null) {
                stderr.println("user: --jdbc-url: not a PostgreSQL JDBC URL: " + CommandLineDatabase.url(options, env));
                return 2;
            }
            return act(c, action, name, options, stdin, stdout, stderr);
        } catch (SQLException | IOException e) {
            stderr.println("user " + action + " failed: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("\"users\"")
                            ? " (start the operator once: it creates the tables)"
                            : ""));
            return 1;
        }
    }

    private static int act(
            Connection c,
            String action,
            String name,
            Map<String, String> options,
            InputStream stdin,
            PrintStream stdout,
            PrintStream stderr)
            throws SQLException, IOException {
        Instant now = Instant.now();
        if (action.equals("list")) {
            stdout.printf("%-24s %-9s %-5s %-8s %s%n", "NAME", "ROLE", "TOTP", "DISABLED", "LAST SIGN-IN");
            for (User u : UserStore.list(c)) {
                stdout.printf(
                        "%-24s %-9s %-5s %-8s %s%n",
                        u.name(),
                        u.role().id(),
                        u.totpEnrolled() ? "yes" : "no",
                        u.disabled() ? "yes" : "no",
                        u.lastSignInAt() == null ? "never" : u.lastSignInAt());
            }
            return 0;
        }
        if (action.equals("add")) {
            String password = UserStore.oneTimePassword();
            Role role = Role.parse(options.get("--role")).orElseThrow();
            if (!UserStore.add(c, name, role, Argon2id.DEFAULT.hash(password), true, now)) {
                stderr.println("user add: " + name + " exists");
                return 1;
            }
            audit(c, "User.Added", name, now);
            stdout.println("added " + name + " (" + role.id() + "); one-time password, to change at first sign-in:");
            stdout.println(password);
            return 0;
        }
        User user = UserStore.find(c, name).orElse(null);
        if (user == null) {
            stderr.println("user " + action + ": no user " + name);
            return 1;
        }
        switch (action) {
            case "passwd" -> {
                String password = readPassword(stdin, stdout);
                String problem = UserStore.passwordProblem(password);
                if (problem != null) {
                    stderr.println("user passwd: the password " + problem);
                    return 2;
                }
                UserStore.setPassword(c, user.id(), Argon2id.DEFAULT.hash(password), false, now);
                SessionStore.revokeAll(c, user.id());
                audit(c, "User.PasswordReset", name, now);
                stdout.println("password of " + name + " set; their sessions ended");
            }
            case "reset-totp" -> {
                UserStore.resetTotp(c, name, now);
                audit(c, "User.TotpReset", name, now);
                stdout.println("TOTP of " + name + " removed; they enrol again at their next sign-in");
            }
            default -> {
                boolean disable = action.equals("disable");
                UserStore.setDisabled(c, name, disable, now);
                if (disable) {
                    SessionStore.revokeAll(c, user.id());
                }
                audit(c, disable ? "User.Disabled" : "User.Enabled", name, now);
                stdout.println(name + (disable ? " disabled; their sessions ended" : " enabled"));
            }
        }
        return 0;
    }

    private static String readPassword(InputStream stdin, PrintStream stdout) throws IOException {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] first = console.readPassword("new password: ");
            char[] again = console.readPassword("again: ");
            return first != null && java.util.Arrays.equals(first, again) ? new String(first) : null;
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.strip();
    }

    private static void audit(Connection c, String event, String name, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into audit_events (occurred_at, actor, event_type,"
                + " subject_kind, subject_name, payload) values (?, ?, ?, 'User', ?, cast('{}' as jsonb))")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, "cli:" + System.getProperty("user.name", "unknown"));
            s.setString(3, event);
            s.setString(4, name);
            s.executeUpdate();
        }
    }
}
