package io.animops.operator.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A render agent with the {@link ScriptedJobExecutor} in a JVM of its own (test code only), so that a test can
 * kill it with SIGKILL mid-render. Arguments: API URL, agent name, pool label value, work folder. Runs until killed.
 */
public final class ScriptedAgentMain {
    private ScriptedAgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: ScriptedAgentMain <api url> <agent name> <pool> <work dir>");
            System.exit(2);
        }
        Config api = new ConfigBuilder(Config.empty())
                .withMasterUrl(args[0])
                .withTrustCerts(true)
                .build();
        Path work = Path.of(args[3]);
        AgentHarness.start(
                api,
                args[1],
                args[2],
                1,
                new ScriptedJobExecutor(work.resolve("jobs"), args[1]),
                work.resolve("agent"),
                Duration.ofSeconds(30));
        System.out.println("AGENT_STARTED " + args[1]);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
