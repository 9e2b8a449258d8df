package io.animops.operator.qc;

import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.MediaSegment;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.config.InvalidDocumentException;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.design.DesignSystem;
import io.animops.operator.design.DesignSystems;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** QC results, checklist versions and design system versions stored in and read back from a real PostgreSQL. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class QcServiceTest {
    private static final String NS = "qc-service";

    @Inject
    QcService qc;

    @Inject
    QcChecklists checklists;

    @Inject
    DesignSystems designSystems;

    @Inject
    Database database;

    /**
     * Each rule alone in a checklist, once on each side of its boundary: the stored row says what the rule
     * decided, as PostgreSQL holds it.
     */
    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "durationWithin|\"toleranceSeconds\": 0.5|duration=20.5|Passed",
                "durationWithin|\"toleranceSeconds\": 0.5|duration=20.51|Failed",
                "durationWithin|\"toleranceSeconds\": 0.5|duration=19.5|Passed",
                "resolution||width=540|Passed",
                "resolution||width=541|Failed",
                "fps|\"tolerance\": 0.01|fps=30.01|Passed",
                "fps|\"tolerance\": 0.01|fps=29.97|Failed",
                "noBlackSegmentOver|\"maxSeconds\": 0.5|black=0.5|Passed",
                "noBlackSegmentOver|\"maxSeconds\": 0.5|black=0.51|Failed",
                "noFrozenSegmentOver|\"maxSeconds\": 1|frozen=1.0|Passed",
                "noFrozenSegmentOver|\"maxSeconds\": 1|frozen=1.01|Failed",
                "sizeUnder|\"maxBytes\": 1000|bytes=999|Passed",
                "sizeUnder|\"maxBytes\": 1000|bytes=1000|Failed"
            })
    void everyRuleIsStoredWithItsOutcome(String rule, String parameter, String fact, QcOutcome expected) {
        String name = "rule-" + rule.toLowerCase();
        checklists.register(checklist(
                name,
                "{\"id\": \"only\", \"title\": \"" + rule + "\", \"rule\": \"" + rule + "\""
                        + (parameter == null ? "" : ", " + parameter) + "}"));
        RenderJob job = succeeded("rule-" + UUID.randomUUID().toString().substring(0, 8), media(fact));

        QcResult result = qc.evaluate(job, "idea", settings(QcSettings.Policy.AutoPass, name));

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.outcome()).isEqualTo(expected);
            assertThat(item.rule()).isEqualTo(QcRule.valueOf(rule));
            assertThat(item.observed()).isNotBlank();
            assertThat(item.message()).isNotBlank();
        });
        List<String> stored = database.list(
                "select items -> 0 ->> 'outcome' as outcome from qc_results where render_job_uid = $1",
                row -> row.getString("outcome"),
                UUID.fromString(job.getMetadata().getUid()));
        assertThat(stored).containsExactly(expected.name());
        assertThat(qc.result(NS, job.getMetadata().getName())).contains(result);
    }

    @Test
    void aChangedChecklistGetsANewVersionAndOldResultsKeepTheirs() {
        String item =
                "{\"id\": \"black\", \"title\": \"No black\", \"rule\": \"noBlackSegmentOver\", \"maxSeconds\": 0.5}";
        VersionedChecklist v1 = checklists.register(checklist("versioned", item));
        // the same content laid out differently is the same version
        VersionedChecklist same = checklists.register(QcChecklist.parse(
                "{\n \"items\": [{\"maxSeconds\": 0.5, \"rule\": \"noBlackSegmentOver\", \"title\": \"No black\", \"id\": \"black\"}],\n \"name\": \"versioned\"}",
                "re-read"));
        assertThat(same.version()).isEqualTo(v1.version()).isEqualTo(1);

        RenderJob before = succeeded("versioned-a", media("black=0.8"));
        QcResult old = qc.evaluate(before, "idea", settings(QcSettings.Policy.AutoPass, "versioned"));
        assertThat(old.checklistVersion()).isEqualTo(1);
        assertThat(old.outcome()).isEqualTo(QcOutcome.Failed);

        VersionedChecklist v2 = checklists.register(checklist("versioned", item.replace("0.5", "1.0")));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(checklists.latest("versioned"))
                .map(VersionedChecklist::version)
                .contains(2);
        assertThat(checklists.versions("versioned"))
                .extracting(VersionedChecklist::version)
                .containsExactly(1, 2);
        assertThat(checklists.find("versioned", 1))
                .map(c -> c.checklist().items().get(0).limit())
                .contains(0.5);

        // the stored result is not made again with the new version
        QcResult kept = qc.evaluate(before, "idea", settings(QcSettings.Policy.AutoPass, "versioned"));
        assertThat(kept.checklistVersion()).isEqualTo(1);
        assertThat(kept.outcome()).isEqualTo(QcOutcome.Failed);
        QcResult fresh = qc.evaluate(
                succeeded("versioned-b", media("black=0.8")),
                "idea",
                settings(QcSettings.Policy.AutoPass, "versioned"));
        assertThat(fresh.checklistVersion()).isEqualTo(2);
        assertThat(fresh.outcome()).isEqualTo(QcOutcome.Passed);
        assertThat(qc.listChecklists())
                .filteredOn(c -> c.name().equals("versioned"))
                .singleElement()
                .extracting(VersionedChecklist::version)
                .isEqualTo(2);
    }

    @Test
    void theBundledChecklistsAreRegisteredAtStart() {
        assertThat(qc.listChecklists()).extracting(VersionedChecklist::name).contains("shorts", "shorts-reviewed");
        RenderJob job = succeeded("bundled", media("duration=20.2"));
        QcResult result = qc.evaluate(job, "idea", null);
        assertThat(result.checklistName()).isEqualTo("shorts");
        assertThat(result.policy()).isEqualTo(QcSettings.Policy.AutoPass);
        assertThat(result.items())
                .extracting(QcItemResult::id)
                .containsExactly("duration", "resolution", "fps", "no-black", "no-frozen", "size");
        assertThat(result.outcome()).isEqualTo(QcOutcome.Passed);
    }

    @Test
    void manualItemsAreTickedByPeopleAndTheResultClosesWhenAllAreDecided() {
        RenderJob job = succeeded("reviewed", media("duration=20"));
        QcResult pending = qc.evaluate(job, "idea-r", settings(QcSettings.Policy.AutoPass, "shorts-reviewed"));
        assertThat(pending.outcome()).isEqualTo(QcOutcome.Pending);
        assertThat(pending.pending())
                .extracting(QcItemResult::id)
                .containsExactly("motion-reads", "safe-margins", "hook");
        assertThat(qc.results(NS, QcOutcome.Pending, 100))
                .extracting(QcResult::renderJob)
                .contains("reviewed");

        String job0 = job.getMetadata().getName();
        assertThat(qc.tick(NS, job0, "motion-reads", true, "alice", "clear on a phone")
                        .outcome())
                .isEqualTo(QcOutcome.Pending);
        qc.tick(NS, job0, "safe-margins", true, "alice", null);
        QcResult passed = qc.tick(NS, job0, "hook", true, "bob", "good start");
        assertThat(passed.outcome()).isEqualTo(QcOutcome.Passed);
        QcItemResult hook = passed.items().stream()
                .filter(i -> i.id().equals("hook"))
                .findFirst()
                .orElseThrow();
        assertThat(hook.tickedBy()).isEqualTo("bob");
        assertThat(hook.comment()).isEqualTo("good start");
        assertThat(hook.tickedAt()).isNotBlank();
        assertThat(hook.message()).isEqualTo("passed by bob: good start");
        assertThat(qc.result(NS, job0).orElseThrow().outcome()).isEqualTo(QcOutcome.Passed);

        QcException closed = catchThrowableOfType(
                QcException.class, () -> qc.tick(NS, job0, "hook", false, "carol", "changed my mind"));
        assertThat(closed.kind()).isEqualTo(QcException.Kind.CONFLICT);
        assertThat(closed.field()).isEqualTo("renderJob");
        assertThat(closed.getMessage()).contains("already Passed");

        List<Pipeline.Audited> ticks = Pipeline.auditOf(database, job).stream()
                .filter(e -> e.eventType().equals("QcItem.Ticked"))
                .toList();
        assertThat(ticks).extracting(Pipeline.Audited::actor).containsExactly("alice", "alice", "bob");
        assertThat(JsonColumn.read(ticks.get(2).payload(), Map.class))
                .containsEntry("item", "hook")
                .containsEntry("resultOutcome", "Passed");
    }

    @Test
    void aFailedTickFailsTheResultAndNeedsAComment() {
        RenderJob job = succeeded("rejected", media("duration=20"));
        qc.evaluate(job, "idea", settings(QcSettings.Policy.AutoPass, "shorts-reviewed"));
        String name = job.getMetadata().getName();

        QcException noComment =
                catchThrowableOfType(QcException.class, () -> qc.tick(NS, name, "motion-reads", false, "alice", " "));
        assertThat(noComment.kind()).isEqualTo(QcException.Kind.INVALID);
        assertThat(noComment.field()).isEqualTo("comment");

        QcResult failed = qc.tick(NS, name, "motion-reads", false, "alice", "too fast to follow");
        assertThat(failed.outcome()).isEqualTo(QcOutcome.Failed);
        assertThat(failed.failed(QcItemResult.Kind.Manual))
                .singleElement()
                .extracting(QcItemResult::comment)
                .isEqualTo("too fast to follow");
    }

    @Test
    void ticksThatCannotBeTakenNameTheirField() {
        RenderJob job = succeeded("errors", media("duration=20"));
        qc.evaluate(job, "idea", settings(QcSettings.Policy.AutoPass, "shorts-reviewed"));
        String name = job.getMetadata().getName();

        QcException automatic =
                catchThrowableOfType(QcException.class, () -> qc.tick(NS, name, "duration", true, "alice", null));
        assertThat(automatic.kind()).isEqualTo(QcException.Kind.INVALID);
        assertThat(automatic.field()).isEqualTo("itemId");
        assertThat(automatic.getMessage()).contains("automatic");

        QcException unknownItem =
                catchThrowableOfType(QcException.class, () -> qc.tick(NS, name, "nope", true, "alice", null));
        assertThat(unknownItem.kind()).isEqualTo(QcException.Kind.NOT_FOUND);
        assertThat(unknownItem.field()).isEqualTo("itemId");
        assertThat(unknownItem.getMessage()).contains("motion-reads");

        QcException unknownJob =
                catchThrowableOfType(QcException.class, () -> qc.tick(NS, "no-such-job", "hook", true, "alice", null));
        assertThat(unknownJob.kind()).isEqualTo(QcException.Kind.NOT_FOUND);
        assertThat(unknownJob.field()).isEqualTo("renderJob");

        QcException noActor = catchThrowableOfType(QcException.class, () -> qc.tick(NS, name, "hook", true, "", null));
        assertThat(noActor.field()).isEqualTo("actor");

        QcException unknownChecklist = catchThrowableOfType(
                QcException.class,
                () -> qc.evaluate(
                        succeeded("unknown-list", media("duration=20")),
                        "idea",
                        settings(QcSettings.Policy.AutoPass, "no-such-list")));
        assertThat(unknownChecklist.kind()).isEqualTo(QcException.Kind.NOT_FOUND);
        assertThat(unknownChecklist.field()).isEqualTo("spec.qc.checklist");
        assertThat(unknownChecklist.getMessage()).contains("shorts");
        // nothing is stored for an evaluation that could not be made
        assertThat(qc.result(NS, "unknown-list")).isEmpty();
    }

    @Test
    void requireReviewAddsASignOffToAnAllAutomaticChecklist() {
        RenderJob job = succeeded("sign-off", media("duration=20"));
        QcResult result = qc.evaluate(job, "idea", settings(QcSettings.Policy.RequireReview, "shorts"));
        assertThat(result.outcome()).isEqualTo(QcOutcome.Pending);
        assertThat(result.pending()).extracting(QcItemResult::id).containsExactly(QcChecklist.REVIEW_ITEM);
        assertThat(qc.tick(NS, job.getMetadata().getName(), QcChecklist.REVIEW_ITEM, true, "alice", "ship it")
                        .outcome())
                .isEqualTo(QcOutcome.Passed);
    }

    @Test
    void aJobWithoutMediaFactsFailsEveryAutomaticItem() {
        RenderJob job = succeeded("no-media", null);
        QcResult result = qc.evaluate(job, "idea", null);
        assertThat(result.outcome()).isEqualTo(QcOutcome.Failed);
        assertThat(result.items()).allSatisfy(i -> assertThat(i.message()).contains("status.media"));
    }

    @Test
    void designSystemVersionsAreStoredOnceAndAChangedDocumentNeedsANewVersion() {
        DesignSystem bundled = DesignSystems.bundled();
        assertThat(designSystems.current().sha256()).isEqualTo(bundled.sha256());
        assertThat(designSystems.versions()).contains(bundled.version());
        assertThat(designSystems.register(bundled).version()).isEqualTo(bundled.version());

        String changed = bundled.json().replace("#101418", "#000000");
        InvalidDocumentException conflict = catchThrowableOfType(
                InvalidDocumentException.class,
                () -> designSystems.register(DesignSystem.parse(changed, "changed.json")));
        assertThat(conflict.field()).isEqualTo("version");
        assertThat(conflict.getMessage()).contains(bundled.version()).contains("new version");

        DesignSystem next = DesignSystem.parse(changed.replace(bundled.version(), "2099.1.1"), "next.json");
        designSystems.register(next);
        assertThat(designSystems.versions()).contains(bundled.version(), "2099.1.1");
        assertThat(designSystems.find(bundled.version()))
                .map(DesignSystem::background)
                .contains("#101418");
        assertThat(designSystems.find("2099.1.1")).map(DesignSystem::background).contains("#000000");
        assertThat(designSystems.find("1999.1.1")).isEmpty();
        // the design system in force stays the one read at start
        assertThat(designSystems.current().version()).isEqualTo(bundled.version());
    }

    private static QcChecklist checklist(String name, String... items) {
        return QcChecklist.parse("{\"name\": \"" + name + "\", \"items\": [" + String.join(", ", items) + "]}", name);
    }

    private static QcSettings settings(QcSettings.Policy policy, String checklist) {
        QcSettings settings = new QcSettings();
        settings.setPolicy(policy);
        settings.setChecklist(checklist);
        return settings;
    }

    /** A preview the agent reported as succeeded (540x960, 30 fps, 20 s), with these media facts. */
    private static RenderJob succeeded(String name, MediaFacts media) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName(name)
                .withUid(UUID.randomUUID().toString())
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("attempt");
        spec.setMode(RenderMode.Preview);
        spec.setWidth(540);
        spec.setHeight(960);
        spec.setFps(30);
        spec.setDurationSeconds(20);
        job.setSpec(spec);
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(RenderPhase.Succeeded);
        job.getStatus().setMedia(media);
        return job;
    }

    /** Good facts for the preview, with one changed: "duration=20.5", "black=0.51" (a segment of that length). */
    private static MediaFacts media(String fact) {
        MediaFacts media = new MediaFacts();
        media.setDurationSeconds(20.0);
        media.setWidth(540);
        media.setHeight(960);
        media.setFps(30.0);
        media.setBytes(500L);
        String[] kv = fact.split("=");
        double value = Double.parseDouble(kv[1]);
        Map<String, Consumer<MediaFacts>> setters = Map.of(
                "duration", m -> m.setDurationSeconds(value),
                "width", m -> m.setWidth((int) value),
                "fps", m -> m.setFps(value),
                "black", m -> m.setBlackSegments(List.of(new MediaSegment(1.0, 1.0 + value, value))),
                "frozen", m -> m.setFrozenSegments(List.of(new MediaSegment(3.0, 3.0 + value, value))),
                "bytes", m -> m.setBytes((long) value));
        setters.get(kv[0]).accept(media);
        return media;
    }
}
