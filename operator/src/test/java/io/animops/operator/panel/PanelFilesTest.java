package io.animops.operator.panel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PanelFilesTest {
    private static final Map<String, String> DIST = Map.of(
            "index.html", "<html>panel</html>",
            "assets/index-4f2a9c1b.js", "console.log(1)",
            "assets/index-77aa00ff.css", "body{}",
            "favicon.svg", "<svg/>");
    private final PanelFiles files = new PanelFiles(path -> bytes(DIST.get(path)));

    @Test
    void rootAndClientRoutesGetTheIndexRevalidatedEachTime() {
        for (String path : new String[] {"/", "/ideas", "/ideas/default/bouncy-marbles", "/renders/", "/qc?x=1"}) {
            PanelFiles.Answer answer =
                    files.answer(path.replaceAll("\\?.*", "")).orElseThrow();
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(text(answer)).as(path).isEqualTo("<html>panel</html>");
            assertThat(answer.contentType()).as(path).startsWith("text/html");
            assertThat(answer.cacheControl()).as(path).isEqualTo("no-cache");
        }
    }

    @Test
    void hashedAssetsAreImmutableForAYear() {
        PanelFiles.Answer js = files.answer("/assets/index-4f2a9c1b.js").orElseThrow();
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).startsWith("text/javascript");
        assertThat(js.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(files.answer("/assets/index-77aa00ff.css").orElseThrow().contentType())
                .startsWith("text/css");
    }

    @Test
    void filesOutsideAssetsAreRevalidated() {
        PanelFiles.Answer icon = files.answer("/favicon.svg").orElseThrow();
        assertThat(icon.contentType()).isEqualTo("image/svg+xml");
        assertThat(icon.cacheControl()).isEqualTo("no-cache");
        assertThat(files.answer("/index.html").orElseThrow().cacheControl()).isEqualTo("no-cache");
    }

    @Test
    void aMissingFileWithAnExtensionIs404NotTheIndex() {
        for (String path :
                new String[] {"/assets/index-00000000.js", "/robots.txt", "/ideas/x.png", "/../etc/passwd.txt"}) {
            PanelFiles.Answer answer = files.answer(path).orElseThrow();
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(text(answer)).as(path).doesNotContain("panel</html>");
        }
    }

    @Test
    void apiAndQuarkusPathsAreNotThePanels() {
        for (String path : new String[] {"/api", "/api/v1/nothing-here", "/q", "/q/health", "/q/openapi"}) {
            assertThat(files.answer(path)).as(path).isEmpty();
        }
        // only the exact prefixes: a client route that merely starts with the letters is the panel's
        assertThat(files.answer("/queue")).isPresent();
        assertThat(files.answer("/apis")).isPresent();
    }

    @Test
    void withoutABuiltPanelNothingIsServed() {
        PanelFiles none = new PanelFiles(path -> null);
        assertThat(none.installed()).isFalse();
        assertThat(none.answer("/")).isEqualTo(Optional.empty());
        assertThat(none.answer("/ideas")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(PanelFiles.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
