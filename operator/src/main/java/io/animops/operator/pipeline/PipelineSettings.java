package io.animops.operator.pipeline;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.PublishSettings;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderProfiles;
import io.animops.crds.v1alpha1.RenderSettings;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.config.AnimOpsConfig;

import java.util.List;
import java.util.Map;

/**
 * The settings an idea's pipeline runs with: its schedule's, or the operator's defaults for an idea
 * written by hand without a schedule.
 */
public record PipelineSettings(
        Selection.Mode selection,
        int maxAccepted,
        Double similarityThreshold,
        int maxScriptAttempts,
        LlmSettings llm,
        RenderSettings preview,
        RenderSettings fin,
        Map<String, String> agentSelector,
        QcSettings qc,
        List<PublishTarget> publish,
        PublishSettings publishing,
        String timeZone,
        RenderExecutor executor,
        boolean godotValidation) {

    /** Settings without a Validate job before the preview. */
    public PipelineSettings(
            Selection.Mode selection,
            int maxAccepted,
            Double similarityThreshold,
            int maxScriptAttempts,
            LlmSettings llm,
            RenderSettings preview,
            RenderSettings fin,
            Map<String, String> agentSelector,
            QcSettings qc,
            List<PublishTarget> publish,
            PublishSettings publishing,
            String timeZone,
            RenderExecutor executor) {
        this(
                selection,
                maxAccepted,
                similarityThreshold,
                maxScriptAttempts,
                llm,
                preview,
                fin,
                agentSelector,
                qc,
                publish,
                publishing,
                timeZone,
                executor,
                false);
    }

    /** Settings without publishing settings (made-for-kids false, no window, no tags) in UTC, on any executor. */
    public PipelineSettings(
            Selection.Mode selection,
            int maxAccepted,
            Double similarityThreshold,
            int maxScriptAttempts,
            LlmSettings llm,
            RenderSettings preview,
            RenderSettings fin,
            Map<String, String> agentSelector,
            QcSettings qc,
            List<PublishTarget> publish) {
        this(
                selection,
                maxAccepted,
                similarityThreshold,
                maxScriptAttempts,
                llm,
                preview,
                fin,
                agentSelector,
                qc,
                publish,
                null,
                "UTC",
                null);
    }

    public static PipelineSettings of(ContentSchedule schedule, AnimOpsConfig config) {
        if (schedule == null) {
            RenderProfiles render = new RenderProfiles();
            return new PipelineSettings(
                    Selection.Mode.Manual,
                    1,
                    defaultThreshold(config),
                    config.ideas().defaultMaxScriptAttempts(),
                    offline(),
                    render.effectivePreview(),
                    render.effectiveFinal(),
                    Map.of(),
                    new QcSettings(),
                    List.of(),
                    null,
                    "UTC",
                    null,
                    config.ideas().godotValidation());
        }
        ContentScheduleSpec spec = schedule.getSpec();
        Selection selection = spec.getSelection() == null ? new Selection() : spec.getSelection();
        RenderProfiles render = spec.getRender() == null ? new RenderProfiles() : spec.getRender();
        return new PipelineSettings(
                selection.getMode() == null ? Selection.Mode.Auto : selection.getMode(),
                selection.getMaxAccepted() == null ? 1 : selection.getMaxAccepted(),
                spec.getSimilarityThreshold() == null ? defaultThreshold(config) : spec.getSimilarityThreshold(),
                spec.getMaxScriptAttempts() == null
                        ? config.ideas().defaultMaxScriptAttempts()
                        : spec.getMaxScriptAttempts(),
                spec.getLlm() == null ? offline() : spec.getLlm(),
                render.effectivePreview(),
                render.effectiveFinal(),
                spec.getAgentSelector() == null ? Map.of() : spec.getAgentSelector(),
                spec.getQc() == null ? new QcSettings() : spec.getQc(),
                spec.getPublish() == null ? List.of() : spec.getPublish(),
                spec.getPublishing(),
                spec.getTimeZone() == null ? "UTC" : spec.getTimeZone(),
                spec.getExecutor(),
                spec.getGodotValidation() == null ? config.ideas().godotValidation() : spec.getGodotValidation());
    }

    /** The operator's fixed threshold, or null: the zones calibrated for the embedding model. */
    private static Double defaultThreshold(AnimOpsConfig config) {
        java.util.OptionalDouble threshold = config.ideas().defaultSimilarityThreshold();
        return threshold.isPresent() ? threshold.getAsDouble() : null;
    }

    private static LlmSettings offline() {
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.Offline);
        return llm;
    }
}
