package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishedMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformLimitsTest {
    private static PublicationSpec spec(String title, String description, List<String> tags) {
        PublicationSpec spec = new PublicationSpec();
        spec.setTitle(title);
        spec.setDescription(description);
        spec.setTags(tags);
        return spec;
    }

    @Test
    void aTooLongTitleIsCutAtAWordBoundaryAndTheCutRecorded() {
        String title =
                "Forty glass marbles race down a wooden ramp that collapses under them in perfect slow motion replay again";
        assertThat(title.length()).isGreaterThan(100);

        PublishedMetadata metadata = PlatformLimits.youTube(spec(title, "", List.of()));

        assertThat(metadata.getTitle()).hasSizeLessThanOrEqualTo(100).endsWith("replay");
        assertThat(title).startsWith(metadata.getTitle() + " ");
        assertThat(metadata.getCuts()).singleElement().asString().contains("title: cut from " + title.length() + " to");
    }

    @Test
    void angleBracketsAreRemovedAndTheDescriptionFitsFiveThousandBytes() {
        String description = "é ".repeat(3000);
        PublishedMetadata metadata = PlatformLimits.youTube(spec("a <b> title", description, List.of("physics")));

        assertThat(metadata.getTitle()).isEqualTo("a b title");
        assertThat(metadata.getDescription().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(5000);
        assertThat(metadata.getDescription()).endsWith("é");
        assertThat(metadata.getCuts()).hasSize(2);
        assertThat(metadata.getTags()).containsExactly("physics");
    }

    @Test
    void theTikTokCaptionKeepsItsHashtagsWithinTwoThousandTwoHundredCharacters() {
        PublishedMetadata metadata =
                PlatformLimits.tikTok(spec("Title", "word ".repeat(600), List.of("physics", "slow mo")));

        assertThat(PlatformLimits.chars(metadata.getCaption())).isLessThanOrEqualTo(2200);
        assertThat(metadata.getCaption()).endsWith("#physics #slowmo");
        assertThat(metadata.getCuts()).singleElement().asString().contains("caption: cut");
    }

    @Test
    void postUrlsAreCheckedPerPlatform() {
        assertThat(PostUrls.videoId(Platform.YouTube, "https://www.youtube.com/shorts/dQw4w9WgXcQ"))
                .isEqualTo("dQw4w9WgXcQ");
        assertThat(PostUrls.videoId(Platform.YouTube, "https://youtu.be/dQw4w9WgXcQ"))
                .isEqualTo("dQw4w9WgXcQ");
        assertThat(PostUrls.videoId(Platform.YouTube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3"))
                .isEqualTo("dQw4w9WgXcQ");
        assertThat(PostUrls.videoId(Platform.TikTok, "https://www.tiktok.com/@physicsstudio/video/7400000000000000001"))
                .isEqualTo("7400000000000000001");
        assertThatThrownBy(() -> PostUrls.videoId(Platform.TikTok, "https://www.youtube.com/shorts/dQw4w9WgXcQ"))
                .hasMessageContaining("not a TikTok video URL");
        assertThatThrownBy(() -> PostUrls.videoId(Platform.YouTube, "http://www.youtube.com/shorts/dQw4w9WgXcQ"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> PostUrls.videoId(Platform.YouTube, "https://www.youtube.com/shorts/short"))
                .hasMessageContaining("11-character id");
    }
}
