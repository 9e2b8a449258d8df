package io.animops.operator.schedule;

import io.animops.crds.validation.CrdSchemaValidator;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.config.ConfiguredFile;
import io.animops.operator.qc.QcChecklist;
import io.animops.operator.qc.QcChecklists;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lint [--checklists FILE] [--default-checklist NAME] FILE|FOLDER|- ...}: checks schedule files before they
 * are merged, without a cluster ({@link ScheduleLint}). Prints {@code file:line: field: message} per problem;
 * exits 0 when there is no error (warnings are printed), 1 when there is one, 2 on a bad command line. The QC
 * checklists are those the operator registers: ANIMOPS_QC_CHECKLISTS_FILE, else the bundled ones.
 */
public final class ScheduleLintCommand {
    public static final String COMMAND = "lint";
    private static final String USAGE = "usage: lint [--checklists FILE] [--default-checklist NAME] FILE|FOLDER|- ...";

    private ScheduleLintCommand() {}

    public static boolean isRequested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    public static int run(
            String[] args, Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Optional<String> checklistsFile = Optional.ofNullable(env.get("ANIMOPS_QC_CHECKLISTS_FILE"));
        String defaultChecklist = env.getOrDefault("ANIMOPS_QC_DEFAULT_CHECKLIST", AnimOpsConfig.Qc.DEFAULT_CHECKLIST);
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--checklists") || arg.equals("--default-checklist")) {
                if (i + 1 >= args.length) {
                    return usage(stderr, arg + ": needs a value");
                }
                String value = args[++i];
                if (arg.equals("--checklists")) {
                    checklistsFile = Optional.of(value);
                } else {
                    defaultChecklist = value;
                }
            } else if (arg.startsWith("--")) {
                return usage(stderr, arg + ": unknown option");
            } else {
                inputs.add(arg);
            }
        }
        if (inputs.isEmpty()) {
            return usage(stderr, "name the files or folders to check");
        }
        List<String> checklists;
        try {
            ConfiguredFile file = QcChecklists.checklistsFile(checklistsFile);
            checklists = QcChecklist.parseFile(file.text(), file.source()).stream()
                    .map(QcChecklist::name)
                    .toList();
        } catch (RuntimeException e) {
            stderr.println("lint: --checklists: " + e.getMessage());
            return 2;
        }
        ScheduleLint lint = new ScheduleLint(CrdSchemaValidator.fromBundledManifests(), defaultChecklist, checklists);
        List<ScheduleLint.Finding> findings = new ArrayList<>();
        int files = 0;
        int resources = 0;
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                ScheduleLint.Report report =
                        lint.lint("<stdin>", new InputStreamReader(stdin, StandardCharsets.UTF_8), false);
                findings.addAll(report.findings());
                files += report.files();
                resources += report.resources();
            } else {
                paths.add(Path.of(input));
            }
        }
        ScheduleLint.Report report = lint.lint(paths);
        findings.addAll(report.findings());
        files += report.files();
        resources += report.resources();
        findings.forEach(stdout::println);
        long errors = findings.stream().filter(ScheduleLint.Finding::error).count();
        stderr.printf(
                "lint: %d file(s), %d animops.io resource(s): %d error(s), %d warning(s)%n",
                files, resources, errors, findings.size() - errors);
        return errors > 0 ? 1 : 0;
    }

    private static int usage(PrintStream stderr, String problem) {
        stderr.println("lint: " + problem);
        stderr.println(USAGE);
        return 2;
    }
}
