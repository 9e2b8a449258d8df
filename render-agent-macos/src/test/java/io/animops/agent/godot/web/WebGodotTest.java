package io.animops.agent.godot.web;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Godot 4.6 (web build) in headless Chromium. */
class WebGodotTest {
    private static final WebGodot GODOT = WebGodot.fromEnvironment();

    @Test
    void oneEngineStartChecksManyScriptsAndReportsGodotsOwnErrorLines() throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("valid", "extends Node2D\n\nfunc _ready() -> void:\n\tprint(\"hello\")\n");
        scripts.put("missing_colon", "extends Node2D\n\nfunc _ready() -> void\n\tprint(\"x\")\n");
        scripts.put("nested/unknown_name", "extends Node2D\n\nfunc _ready() -> void:\n\tprint(nope)\n");

        Map<String, List<String>> lines = GODOT.checkScripts(scripts, Duration.ofSeconds(60));

        assertThat(lines).containsOnlyKeys("valid", "missing_colon", "nested/unknown_name");
        assertThat(lines.get("valid")).noneMatch(l -> l.contains("ERROR"));
        assertThat(lines.get("missing_colon")).anyMatch(l -> l.startsWith("SCRIPT ERROR: Parse Error: "))
                .anyMatch(l -> l.contains("at: GDScript::reload (res://missing_colon.gd:4)"));
        assertThat(lines.get("nested/unknown_name"))
                .anyMatch(l -> l.startsWith("SCRIPT ERROR: Parse Error: Identifier \"nope\" not declared"))
                .anyMatch(l -> l.contains("(res://nested/unknown_name.gd:4)"));
    }
}
