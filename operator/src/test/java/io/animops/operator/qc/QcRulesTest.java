package io.animops.operator.qc;

import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.MediaSegment;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every automatic rule on its own, with the values on both sides of each boundary. */
class QcRulesTest {
    static final QcItem DURATION = new QcItem("duration", "Duration", QcRule.durationWithin, 0.5);
    static final QcItem RESOLUTION = new QcItem("resolution", "Resolution", QcRule.resolution, null);
    static final QcItem FPS = new QcItem("fps", "Frame rate", QcRule.fps, 0.01);
    static final QcItem BLACK = new QcItem("no-black", "No black", QcRule.noBlackSegmentOver, 0.5);
    static final QcItem FROZEN = new QcItem("no-frozen", "No frozen", QcRule.noFrozenSegmentOver, 1.0);
    static final QcItem SIZE = new QcItem("size", "Size", QcRule.sizeUnder, 1000.0);

    @ParameterizedTest(name = "{0} s against 20 s +- 0.5 s: {1}")
    @CsvSource({"20.0, Passed", "20.5, Passed", "19.5, Passed", "20.51, Failed", "19.49, Failed", "0, Failed"})
    void durationWithinIsInclusive(double seconds, QcOutcome expected) {
        MediaFacts media = good();
        media.setDurationSeconds(seconds);
        QcItemResult result = QcRules.evaluate(DURATION, spec(), media);
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.expected()).isEqualTo("20 s +- 0.5 s");
        assertThat(result.observed()).isEqualTo(QcRules.number(seconds) + " s");
        assertThat(result.kind()).isEqualTo(QcItemResult.Kind.Automatic);
    }

    @Test
    void durationMessageSaysByHowMuch() {
        MediaFacts media = good();
        media.setDurationSeconds(20.48);
        assertThat(QcRules.evaluate(DURATION, spec(), media).message())
                .isEqualTo("off by 0.48 s, within the allowed 0.5 s");
        media.setDurationSeconds(21.2);
        assertThat(QcRules.evaluate(DURATION, spec(), media).message())
                .isEqualTo("off by 1.2 s, more than the allowed 0.5 s");
    }

    @ParameterizedTest(name = "{0}x{1} against 540x960: {2}")
    @CsvSource({"540, 960, Passed", "541, 960, Failed", "540, 959, Failed", "960, 540, Failed", "1080, 1920, Failed"})
    void resolutionMustEqualTheSpec(int width, int height, QcOutcome expected) {
        MediaFacts media = good();
        media.setWidth(width);
        media.setHeight(height);
        QcItemResult result = QcRules.evaluate(RESOLUTION, spec(), media);
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.observed()).isEqualTo(width + "x" + height);
        assertThat(result.expected()).isEqualTo("540x960");
    }

    @ParameterizedTest(name = "{0} fps against 30 +- 0.01: {1}")
    @CsvSource({"30, Passed", "30.01, Passed", "29.99, Passed", "30.011, Failed", "29.97, Failed", "60, Failed"})
    void fpsWithinItsTolerance(double fps, QcOutcome expected) {
        MediaFacts media = good();
        media.setFps(fps);
        assertThat(QcRules.evaluate(FPS, spec(), media).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "black {0} s with limit 0.5 s: {1}")
    @CsvSource({"0.1, Passed", "0.5, Passed", "0.51, Failed", "3, Failed"})
    void noBlackSegmentOverTheLimitAllowsExactlyTheLimit(double seconds, QcOutcome expected) {
        MediaFacts media = good();
        media.setBlackSegments(List.of(new MediaSegment(2.0, 2.0 + seconds, seconds)));
        QcItemResult result = QcRules.evaluate(BLACK, spec(), media);
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.observed()).isEqualTo("longest " + QcRules.number(seconds) + " s at 2 s");
    }

    @ParameterizedTest(name = "frozen {0} s with limit 1 s: {1}")
    @CsvSource({"0.5, Passed", "1.0, Passed", "1.01, Failed", "19, Failed"})
    void noFrozenSegmentOverTheLimitAllowsExactlyTheLimit(double seconds, QcOutcome expected) {
        MediaFacts media = good();
        media.setFrozenSegments(List.of(new MediaSegment(5.0, 5.0 + seconds, seconds)));
        assertThat(QcRules.evaluate(FROZEN, spec(), media).outcome()).isEqualTo(expected);
    }

    @Test
    void segmentsWithoutADurationAreMeasuredFromStartToEndAndEveryOffenderIsNamed() {
        MediaFacts media = good();
        media.setBlackSegments(List.of(
                new MediaSegment(0.0, 0.6, null),
                new MediaSegment(4.0, 4.3, null),
                new MediaSegment(19.0, 20.0, null)));
        QcItemResult result = QcRules.evaluate(BLACK, spec(), media);
        assertThat(result.outcome()).isEqualTo(QcOutcome.Failed);
        assertThat(result.message()).isEqualTo("2 black segment(s) over 0.5 s: 0-0.6 s (0.6 s) 19-20 s (1 s)");
        assertThat(result.observed()).isEqualTo("longest 1 s at 19 s");
    }

    @Test
    void noSegmentsAtAllPass() {
        QcItemResult black = QcRules.evaluate(BLACK, spec(), good());
        QcItemResult frozen = QcRules.evaluate(FROZEN, spec(), good());
        assertThat(black.outcome()).isEqualTo(QcOutcome.Passed);
        assertThat(black.observed()).isEqualTo("no black segment");
        assertThat(frozen.observed()).isEqualTo("no frozen segment");
    }

    @ParameterizedTest(name = "{0} bytes under 1000: {1}")
    @CsvSource({"1, Passed", "999, Passed", "1000, Failed", "1001, Failed"})
    void sizeUnderIsStrict(long bytes, QcOutcome expected) {
        MediaFacts media = good();
        media.setBytes(bytes);
        QcItemResult result = QcRules.evaluate(SIZE, spec(), media);
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.observed()).isEqualTo(bytes + " bytes");
    }

    @Test
    void missingFactsFailTheirItemsNamingTheField() {
        MediaFacts empty = new MediaFacts();
        assertThat(QcRules.evaluate(DURATION, spec(), empty).message())
                .isEqualTo("status.media.durationSeconds is not set: nothing to check");
        assertThat(QcRules.evaluate(RESOLUTION, spec(), empty).message()).startsWith("status.media.width");
        assertThat(QcRules.evaluate(FPS, spec(), empty).message()).startsWith("status.media.fps");
        assertThat(QcRules.evaluate(SIZE, spec(), empty).message()).startsWith("status.media.bytes");
        for (QcItem item : List.of(DURATION, RESOLUTION, FPS, SIZE)) {
            assertThat(QcRules.evaluate(item, spec(), empty).outcome())
                    .as(item.id())
                    .isEqualTo(QcOutcome.Failed);
        }
        for (QcItem item : List.of(DURATION, RESOLUTION, FPS, BLACK, FROZEN, SIZE)) {
            QcItemResult none = QcRules.evaluate(item, spec(), null);
            assertThat(none.outcome()).as(item.id()).isEqualTo(QcOutcome.Failed);
            assertThat(none.message()).contains("status.media");
        }
        RenderJobSpec unset = new RenderJobSpec();
        assertThat(QcRules.evaluate(DURATION, unset, good()).message()).startsWith("spec.durationSeconds");
        assertThat(QcRules.evaluate(FPS, unset, good()).message()).startsWith("spec.fps");
        assertThat(QcRules.evaluate(RESOLUTION, unset, good()).message()).startsWith("spec.width");
    }

    @Test
    void aManualItemIsNoRuleToEvaluate() {
        assertThatThrownBy(
                        () -> QcRules.evaluate(new QcItem("look", "Looks right", QcRule.manual, null), spec(), good()))
                .hasMessageContaining("item look is manual");
    }

    @Test
    void evaluationStartsManualItemsPendingAndRequireReviewAddsASignOffToAnAllAutomaticChecklist() {
        QcChecklist automatic = new QcChecklist("auto", null, List.of(DURATION, SIZE), "{}", "x");
        List<QcItemResult> autoPass = QcEvaluation.evaluate(automatic, QcSettings.Policy.AutoPass, spec(), good());
        assertThat(autoPass).extracting(QcItemResult::outcome).containsExactly(QcOutcome.Passed, QcOutcome.Passed);
        assertThat(QcEvaluation.outcome(autoPass)).isEqualTo(QcOutcome.Passed);

        List<QcItemResult> review = QcEvaluation.evaluate(automatic, QcSettings.Policy.RequireReview, spec(), good());
        assertThat(review).extracting(QcItemResult::id).containsExactly("duration", "size", QcChecklist.REVIEW_ITEM);
        assertThat(review.get(2).kind()).isEqualTo(QcItemResult.Kind.Manual);
        assertThat(QcEvaluation.outcome(review)).isEqualTo(QcOutcome.Pending);

        QcChecklist withManual = new QcChecklist(
                "mixed", null, List.of(DURATION, new QcItem("motion", "Motion reads", QcRule.manual, null)), "{}", "y");
        List<QcItemResult> mixed = QcEvaluation.evaluate(withManual, QcSettings.Policy.RequireReview, spec(), good());
        assertThat(mixed).extracting(QcItemResult::id).containsExactly("duration", "motion");
        assertThat(QcEvaluation.outcome(mixed)).isEqualTo(QcOutcome.Pending);

        MediaFacts longer = good();
        longer.setDurationSeconds(25.0);
        // a failed automatic item decides the result even while a manual one is unticked
        assertThat(QcEvaluation.outcome(QcEvaluation.evaluate(withManual, QcSettings.Policy.AutoPass, spec(), longer)))
                .isEqualTo(QcOutcome.Failed);
    }

    /** A preview as the schedule asks for it: 540x960 at 30 fps for 20 s. */
    static RenderJobSpec spec() {
        RenderJobSpec spec = new RenderJobSpec();
        spec.setWidth(540);
        spec.setHeight(960);
        spec.setFps(30);
        spec.setDurationSeconds(20);
        return spec;
    }

    /** What an agent reports for a good render of {@link #spec()}. */
    static MediaFacts good() {
        MediaFacts media = new MediaFacts();
        media.setDurationSeconds(20.0);
        media.setWidth(540);
        media.setHeight(960);
        media.setFps(30.0);
        media.setBytes(900L);
        media.setVideoCodec("h264");
        return media;
    }
}
