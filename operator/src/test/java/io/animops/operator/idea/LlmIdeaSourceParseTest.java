package io.animops.operator.idea;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmIdeaSourceParseTest {
    @Test
    void arrayInAFenceWithProse() {
        var ideas =
                LlmIdeaSource.parse("Here:\n```json\n[{\"title\":\"Jar fit\",\"premise\":\"Balls fall into a jar.\","
                        + "\"physicsHook\":\"packing\",\"hook\":\"does it fit?\"}]\n```");
        assertThat(ideas)
                .containsExactly(new IdeaProposal("Jar fit", "Balls fall into a jar.", "packing", "does it fit?"));
    }

    @Test
    void optionalHooksMayBeAbsent() {
        assertThat(LlmIdeaSource.parse("[{\"title\":\"Jar fit\",\"premise\":\"Balls fall into a jar.\"}]")
                        .get(0)
                        .hook())
                .isNull();
    }

    @Test
    void errorsNameTheElementAndField() {
        assertThatThrownBy(() -> LlmIdeaSource.parse("[{\"premise\":\"Balls fall into a jar.\"}]"))
                .hasMessage("element [0] has no \"title\"");
        assertThatThrownBy(() -> LlmIdeaSource.parse("[{\"title\":\"Jar\",\"premise\":\"short\"}]"))
                .hasMessageContaining("element [0] field \"premise\" must have 10 to 4000 characters");
        assertThatThrownBy(() -> LlmIdeaSource.parse("[{\"title\":3,\"premise\":\"Balls fall into a jar.\"}]"))
                .hasMessageContaining("\"title\" is not a string");
        assertThatThrownBy(() -> LlmIdeaSource.parse("[{\"title\": \"cut off")).hasMessageStartingWith("invalid JSON");
        assertThatThrownBy(() -> LlmIdeaSource.parse("no ideas today")).hasMessage("no JSON array found in the answer");
        assertThatThrownBy(() -> LlmIdeaSource.parse("[]")).hasMessage("expected a non-empty JSON array of ideas");
        assertThatThrownBy(() -> LlmIdeaSource.parse("[1]")).hasMessage("element [0] is not an object");
    }
}
