package io.animops.operator;

import io.animops.operator.auth.UserCommand;
import io.animops.operator.kpi.KpiExportCommand;
import io.animops.operator.publish.LoginCommand;
import io.animops.operator.schedule.ScheduleLintCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.Optional;

/**
 * Entry point. {@code standalone} as the first argument (or ANIMOPS_STANDALONE=true) runs the operator with an
 * embedded Kubernetes API and PostgreSQL on this machine; anything else runs the operator against the configured
 * cluster and database. {@code youtube-login} / {@code tiktok-login} connect a platform account (docs/publishing.md).
 * {@code export} writes a KPI export over plain JDBC and exits, without starting the operator
 * (docs/kpi.md); {@code user} manages the users who sign in, likewise (docs/security.md); {@code lint} checks
 * schedule files without a cluster (docs/gitops.md).
 */
@QuarkusMain
public class OperatorMain {
    public static void main(String... args) {
        if (LoginCommand.isRequested(args)) {
            System.exit(LoginCommand.run(args, System.getenv(), System.in, System.out, System.err));
        } else if (KpiExportCommand.isRequested(args)) {
            System.exit(KpiExportCommand.run(args, System.getenv(), System.out, System.err));
        } else if (ScheduleLintCommand.isRequested(args)) {
            System.exit(ScheduleLintCommand.run(args, System.getenv(), System.in, System.out, System.err));
        } else if (UserCommand.isRequested(args)) {
            System.exit(UserCommand.run(args, System.getenv(), System.in, System.out, System.err));
        } else if (StandaloneMode.isRequested(args, System.getenv())) {
            Optional<StandaloneMode> standalone = StandaloneMode.inThisBuild();
            if (standalone.isEmpty()) {
                System.err.println("This operator was built without the standalone mode (the cluster image, built with"
                        + " -Dproduction). Run the full build's jar for it: see README.md.");
                System.exit(2);
            }
            standalone.get().launch(args);
        } else {
            Quarkus.run(args);
        }
    }
}
