package io.animops.agent.cluster;

/** What the agent registers about its machine and tools in its RenderAgent's spec. */
public record AgentIdentity(String os, String arch, String godotVersion, String ffmpegVersion) {
    /** os and arch as Go and Kubernetes spell them (darwin, linux; arm64, amd64). */
    public static String os(String javaOsName) {
        String name = javaOsName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("mac")) {
            return "darwin";
        }
        return name.contains("linux") ? "linux" : name.replaceAll("[^a-z0-9]", "");
    }

    public static String arch(String javaOsArch) {
        return switch (javaOsArch) {
            case "aarch64", "arm64" -> "arm64";
            case "x86_64", "amd64" -> "amd64";
            default -> javaOsArch;
        };
    }
}
