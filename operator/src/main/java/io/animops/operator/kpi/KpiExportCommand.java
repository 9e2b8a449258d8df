package io.animops.operator.kpi;

import io.animops.operator.db.CommandLineDatabase;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code export --view NAME [--format csv|parquet] --out FILE|- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--jdbc-url URL]
 * [--user NAME]}: the KPI export over plain JDBC, without starting the operator ({@link CommandLineDatabase}).
 */
public final class KpiExportCommand {
    public static final String COMMAND = "export";
    private static final List<String> OPTIONS =
            List.of("--view", "--format", "--out", "--from", "--to", "--jdbc-url", "--user");

    /** Thrown for a bad command line; names the option. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private KpiExportCommand() {}

    public static boolean isRequested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command and returns the process exit code: 0 done, 2 bad usage, 1 export failed. */
    public static int run(String[] args, Map<String, String> env, PrintStream stdout, PrintStream stderr) {
        Map<String, String> options;
        KpiView view;
        ExportFormat format;
        KpiExporter.DateRange range;
        try {
            options = parse(args);
            String viewName = require(options, "--view");
            view = KpiView.byRelation(viewName)
                    .orElseThrow(() ->
                            new UsageException("--view: unknown view '" + viewName + "', one of " + KpiView.names()));
            String formatName = options.getOrDefault("--format", "csv");
            format = ExportFormat.byName(formatName)
                    .orElseThrow(
                            () -> new UsageException("--format: unknown format '" + formatName + "', csv or parquet"));
            require(options, "--out");
            LocalDate from = date(options, "--from");
            LocalDate to = date(options, "--to");
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageException("--to: " + to + " is before --from " + from);
            }
            range = new KpiExporter.DateRange(from, to);
        } catch (UsageException e) {
            stderr.println("export: " + e.getMessage());
            stderr.println(
                    "usage: export --view " + String.join("|", KpiView.names().split(", "))
                            + " [--format csv|parquet] --out FILE|- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--jdbc-url URL] [--user NAME]");
            return 2;
        }
        String out = options.get("--out");
        try (Connection connection = CommandLineDatabase.connect(options, env)) {
            if (connection == null) {
                stderr.println(
                        "export: --jdbc-url: not a PostgreSQL JDBC URL: " + CommandLineDatabase.url(options, env));
                return 2;
            }
            long rows;
            if ("-".equals(out)) {
                rows = new KpiExporter().export(connection, view, format, range, new NonClosing(stdout));
                stdout.flush();
            } else {
                rows = exportToFile(connection, view, format, range, Path.of(out));
                stdout.println("exported " + rows + " rows of " + view.relation + " to " + out);
            }
            return 0;
        } catch (SQLException | IOException e) {
            stderr.println("export: " + view.relation + " to " + out + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Writes beside the target and moves into place only when complete: a failed export leaves a file as it was. */
    private static long exportToFile(
            Connection connection, KpiView view, ExportFormat format, KpiExporter.DateRange range, Path target)
            throws IOException, SQLException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, "." + target.getFileName() + ".", ".partial");
        try {
            long rows;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial))) {
                rows = new KpiExporter().export(connection, view, format, range, stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    static Map<String, String> parse(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new UsageException(name + ": unknown option, expected one of " + String.join(", ", OPTIONS));
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + ": missing value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + ": required");
        }
        return value;
    }

    private static LocalDate date(Map<String, String> options, String name) throws UsageException {
        String text = options.get(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + ": '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /** Standard output stays open after the export, for whatever the caller prints next. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
