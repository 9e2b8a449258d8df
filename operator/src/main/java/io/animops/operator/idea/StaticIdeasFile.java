package io.animops.operator.idea;

import io.animops.operator.config.AnimOpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proposals from the static ideas file, used when no language model is configured: the schedule works
 * through the file in order; once every idea was proposed it starts over, and the gate rejects the repeats.
 */
@ApplicationScoped
public class StaticIdeasFile implements IdeaSource {
    static final String BUNDLED = "animops/examples/ideas.md";

    @Inject
    AnimOpsConfig config;

    @Override
    public List<IdeaProposal> propose(int count, Set<String> alreadyProposed) {
        List<IdeaProposal> all = load();
        List<IdeaProposal> chosen = new ArrayList<>();
        all.stream()
                .filter(p -> !alreadyProposed.contains(p.title()))
                .limit(count)
                .forEach(chosen::add);
        for (int i = 0; chosen.size() < count && i < all.size(); i++) {
            if (!chosen.contains(all.get(i))) {
                chosen.add(all.get(i));
            }
        }
        return chosen;
    }

    /** Read on every run, so an edited file takes effect without a restart. */
    List<IdeaProposal> load() {
        if (config.ideas().file().isPresent()) {
            Path path = Path.of(config.ideas().file().get());
            try {
                return IdeasFile.parse(Files.readString(path), path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ideas file " + path + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled ideas file missing: " + BUNDLED);
            }
            return IdeasFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "examples/ideas.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
