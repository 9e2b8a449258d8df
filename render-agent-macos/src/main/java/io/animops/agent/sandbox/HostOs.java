package io.animops.agent.sandbox;

import java.util.Locale;

/** The operating systems whose isolation tools the agent knows. */
public enum HostOs {
    MACOS,
    LINUX,
    OTHER;

    /** From the {@code os.name} system property. */
    public static HostOs of(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.contains("mac")) {
            return MACOS;
        }
        return name.contains("linux") ? LINUX : OTHER;
    }
}
