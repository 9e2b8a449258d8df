package io.animops.operator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.llm.PromptTemplates;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.pipeline.PipelineSettingsLookup;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metadata by the language model of the idea's schedule (spec.llm), with the versioned prompt
 * prompts/v1/publish-*.md; each call is accounted in llm_calls (tokens, prompt version) like every model call.
 * Offline schedules, ideas without a schedule, and a model that fails or answers unusably get the template's
 * metadata, and the note says why. The schedule's tags are always kept.
 */
@ApplicationScoped
public class LlmMetadataAuthor implements MetadataAuthor {
    public static final String PURPOSE = "metadata";
    static final List<String> PROMPT_FILES = List.of("publish-system.md", "publish-user.md");
    private static final Logger LOG = Logger.getLogger(LlmMetadataAuthor.class);

    @Inject
    LlmGateway gateway;

    @Inject
    KubernetesClient client;

    @Inject
    PipelineSettingsLookup settings;

    @Inject
    SharedInformers sharedInformers;

    private final PromptTemplates prompts = new PromptTemplates(PromptTemplates.CURRENT, PROMPT_FILES);

    @Override
    public Draft write(Publication publication) {
        PublicationSpec spec = publication.getSpec();
        String namespace = publication.getMetadata().getNamespace();
        String ideaName = publication.getMetadata().getAnnotations() == null
                ? null
                : publication.getMetadata().getAnnotations().get(AnimOps.LABEL_IDEA);
        if (ideaName == null) {
            return Draft.template(
                    spec,
                    "the publication names no idea (annotation " + AnimOps.LABEL_IDEA
                            + "); the template wrote the metadata");
        }
        AnimationIdea idea =
                sharedInformers.cachedOrRead(client, AnimationIdea.class, namespace, ideaName, cached -> true);
        if (idea == null) {
            return Draft.template(
                    spec, "idea " + namespace + "/" + ideaName + " not found; the template wrote the metadata");
        }
        return write(idea, settings.forIdea(client, idea), publication);
    }

    /** The model's metadata for the publication of {@code idea}, under the schedule's settings. */
    public Draft write(AnimationIdea idea, PipelineSettings pipeline, Publication publication) {
        PublicationSpec spec = publication.getSpec();
        LlmSettings llm = pipeline.llm();
        if (llm == null || llm.getProvider() == LlmSettings.Provider.Offline) {
            return Draft.template(
                    spec,
                    "the schedule has no language model (spec.llm is Offline); the template wrote" + " the metadata");
        }
        List<String> scheduleTags =
                pipeline.publishing() == null || pipeline.publishing().getTags() == null
                        ? List.of()
                        : pipeline.publishing().getTags();
        String system = prompts.render("publish-system.md", systemValues(spec));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", idea.getSpec().getTitle());
        values.put("premise", idea.getSpec().getPremise());
        values.put("physicsHook", orNone(idea.getSpec().getPhysicsHook()));
        values.put("hook", orNone(idea.getSpec().getHook()));
        values.put("scheduleTags", scheduleTags.isEmpty() ? "(none)" : String.join(", ", scheduleTags));
        String user = prompts.render("publish-user.md", values);
        LlmAnswer answer;
        try {
            answer = gateway.chat(
                    llm,
                    new LlmRequest(
                            idea.getMetadata().getNamespace(),
                            idea.getSpec().getScheduleRef(),
                            idea.getMetadata().getName(),
                            null,
                            PURPOSE,
                            prompts.versionId(),
                            system,
                            user));
        } catch (LlmException e) {
            LOG.warnf(
                    "publication %s/%s: the model wrote no metadata (%s); the template does",
                    publication.getMetadata().getNamespace(),
                    publication.getMetadata().getName(),
                    e.reason());
            return Draft.template(
                    spec,
                    "the model failed (" + e.reason() + ": " + e.getMessage() + "); the template wrote the metadata");
        }
        String by = answer.provider() + " model " + answer.model() + ", prompt " + prompts.versionId() + ", "
                + (answer.cached()
                        ? "answered from the cache (0 tokens)"
                        : answer.promptTokens() + " prompt + " + answer.completionTokens() + " completion tokens");
        try {
            return parse(answer.text(), scheduleTags, "written by " + by);
        } catch (IllegalArgumentException e) {
            return Draft.template(
                    spec,
                    "the model's answer (" + by + ") was not usable: " + e.getMessage()
                            + "; the template wrote the metadata");
        }
    }

    private static Map<String, String> systemValues(PublicationSpec spec) {
        boolean youTube = spec.getPlatform() == Platform.YouTube;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("platform", youTube ? "YouTube Shorts" : "TikTok");
        values.put("titleLimit", Integer.toString(youTube ? PlatformLimits.YOUTUBE_TITLE_CHARS : 150));
        values.put(
                "descriptionLimit",
                youTube
                        ? "600 characters"
                        : "300 characters (title, description and hashtags share " + PlatformLimits.TIKTOK_CAPTION_CHARS
                                + ")");
        values.put("audience", Boolean.TRUE.equals(spec.getMadeForKids()) ? "made for kids" : "not made for kids");
        return values;
    }

    /** The JSON object of an answer, tolerating a code fence or prose around it; the schedule's tags come first. */
    static Draft parse(String answer, List<String> scheduleTags, String note) {
        int start = answer == null ? -1 : answer.indexOf('{');
        int end = answer == null ? -1 : answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no JSON object in the answer");
        }
        JsonNode json;
        try {
            json = PlatformHttp.JSON.readTree(answer.substring(start, end + 1));
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "invalid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode title = json.path("title");
        if (!title.isTextual() || title.asText().isBlank()) {
            throw new IllegalArgumentException("\"title\" is missing or not a non-empty string");
        }
        JsonNode description = json.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw new IllegalArgumentException("\"description\" is not a string");
        }
        JsonNode tags = json.path("tags");
        if (!tags.isMissingNode() && !tags.isArray()) {
            throw new IllegalArgumentException("\"tags\" is not an array");
        }
        // the schedule's tags first: the platform's tag limit cuts the last ones
        Set<String> allTags = new LinkedHashSet<>(scheduleTags);
        for (JsonNode tag : tags) {
            if (!tag.isTextual()) {
                throw new IllegalArgumentException(
                        "\"tags\" holds a " + tag.getNodeType().name().toLowerCase() + ", not a string");
            }
            if (!tag.asText().isBlank()) {
                allTags.add(tag.asText().replace("#", "").trim());
            }
        }
        return new Draft(title.asText().trim(), description.asText("").trim(), new ArrayList<>(allTags), true, note);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }
}
