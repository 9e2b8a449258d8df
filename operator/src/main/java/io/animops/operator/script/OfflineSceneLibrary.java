package io.animops.operator.script;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Authoring;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline authoring: no model writes anything; the script is one of the real Godot 4 scenes bundled from
 * examples/scenes, the one written for the idea when there is one. Its DURATION_SECONDS constant is set to
 * the requested length, the one parameter every scene has. Status and logs name it as offline.
 */
@ApplicationScoped
public class OfflineSceneLibrary implements AuthoringProvider {
    public static final String PROVIDER_ID = "offline-scene-library";
    static final String LIBRARY = "animops/scenes/";
    private static final Logger LOG = Logger.getLogger(OfflineSceneLibrary.class);
    private static final Pattern SCENE_TITLE = Pattern.compile("(?m)^# Scene: (.+)$");
    private static final Pattern DURATION =
            Pattern.compile("(?m)^(const DURATION_SECONDS\\s*(?::\\s*float\\s*)?:?=\\s*)[0-9.]+");

    record Scene(String file, String title, String source) {}

    private final List<Scene> scenes = load();

    @Override
    public ScriptDraft write(
            AnimationIdea idea, ScriptAttempt attempt, SceneExpectations expectations, LlmSettings llm) {
        if (scenes.isEmpty()) {
            throw new AuthoringException(Reasons.SCENE_LIBRARY_EMPTY, "the offline scene library holds no scenes");
        }
        Scene scene = choose(
                idea.getSpec().getTitle(),
                idea.getMetadata().getName(),
                attempt.getSpec().getAttempt());
        Matcher duration = DURATION.matcher(scene.source());
        if (!duration.find()) {
            throw new AuthoringException(
                    Reasons.SCENE_NOT_PARAMETERIZABLE,
                    "offline scene " + scene.file() + " has no DURATION_SECONDS constant");
        }
        String source = duration.replaceFirst("$1" + expectations.durationSeconds() + ".0");
        LOG.infof(
                "offline authoring: attempt %s/%s uses bundled scene %s (no language model involved)",
                attempt.getMetadata().getNamespace(), attempt.getMetadata().getName(), scene.file());
        Authoring authoring = new Authoring();
        authoring.setProvider(PROVIDER_ID);
        authoring.setOffline(true);
        authoring.setPromptVersion("scenes@" + Integer.toHexString(scenesFingerprint()));
        authoring.setOrigin("examples/scenes/" + scene.file());
        authoring.setPromptTokens(0L);
        authoring.setCompletionTokens(0L);
        return new ScriptDraft(source, authoring);
    }

    /**
     * The scene written for this title if there is one; otherwise a stable pick by idea name. A repair
     * attempt takes the next scene, since giving the same script again could not fix anything.
     */
    Scene choose(String title, String ideaName, int attemptNumber) {
        int base = -1;
        for (int i = 0; i < scenes.size(); i++) {
            if (scenes.get(i).title().equalsIgnoreCase(title.trim())) {
                base = i;
            }
        }
        if (base < 0) {
            base = Math.floorMod(ideaName.hashCode(), scenes.size());
        }
        return scenes.get((base + attemptNumber - 1) % scenes.size());
    }

    List<Scene> scenes() {
        return scenes;
    }

    private int scenesFingerprint() {
        return scenes.stream().map(Scene::source).toList().hashCode();
    }

    private static List<Scene> load() {
        ClassLoader loader = OfflineSceneLibrary.class.getClassLoader();
        List<Scene> scenes = new ArrayList<>();
        for (String file : read(loader, LIBRARY + "index.txt").split("\n")) {
            String name = file.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String source = read(loader, LIBRARY + name);
            Matcher title = SCENE_TITLE.matcher(source);
            scenes.add(new Scene(
                    name,
                    title.find()
                            ? title.group(1).trim()
                            : name.replace(".gd", "").toLowerCase(Locale.ROOT),
                    source));
        }
        return List.copyOf(scenes);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
