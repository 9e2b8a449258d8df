package io.animops.operator.script;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptExtractorTest {
    private static final String SCENE =
            "extends Node2D\n\nconst DURATION_SECONDS := 20\n\nfunc _ready() -> void:\n\tseed(7)\n";

    @Test
    void gdscriptFence() {
        assertThat(ScriptExtractor.extract("Here:\n```gdscript\n" + SCENE + "```\nDone."))
                .contains(SCENE);
    }

    @Test
    void gdFenceAndPlainFence() {
        assertThat(ScriptExtractor.extract("```gd\n" + SCENE + "```")).contains(SCENE);
        assertThat(ScriptExtractor.extract("```\n" + SCENE + "```")).contains(SCENE);
    }

    @Test
    void severalBlocksPreferTheOneExtendingNode2D() {
        String helper =
                "func helper() -> int:\n\treturn 1\n\n# a long helper block, longer than the scene itself........................\n";
        assertThat(ScriptExtractor.extract("```gdscript\n" + helper + "```\ntext\n```gdscript\n" + SCENE + "```"))
                .contains(SCENE);
    }

    @Test
    void severalBlocksWithoutNode2DTakeTheLongest() {
        String shortBlock = "extends Node\n";
        String longBlock = "extends Control\n\nfunc _ready() -> void:\n\tpass\n";
        assertThat(ScriptExtractor.extract("```\n" + shortBlock + "```\n```\n" + longBlock + "```"))
                .contains(longBlock);
    }

    @Test
    void noFenceWithProseAroundKeepsHeaderCommentsAndDropsTrailingProse() {
        String answer = "Sure, here it is.\n\n# Scene: Test\n" + SCENE + "\nThis scene seeds the generator.\n";
        assertThat(ScriptExtractor.extract(answer)).contains("# Scene: Test\n" + SCENE);
    }

    @Test
    void unclosedFenceOfACutOffAnswerTakesTheRest() {
        assertThat(ScriptExtractor.extract("```gdscript\n" + SCENE)).contains(SCENE);
    }

    @Test
    void windowsLineEndings() {
        assertThat(ScriptExtractor.extract(("```gdscript\n" + SCENE + "```").replace("\n", "\r\n")))
                .contains(SCENE);
    }

    @Test
    void noScriptAtAll() {
        assertThat(ScriptExtractor.extract("I cannot write this scene.")).isEmpty();
        assertThat(ScriptExtractor.extract("")).isEmpty();
        assertThat(ScriptExtractor.extract(null)).isEmpty();
        assertThat(ScriptExtractor.extract("```json\n{\"a\": 1}\n```")).isEmpty();
    }
}
