package io.animops.operator.idea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The calibrated zones of each vector model (IdeaEmbedding.modelId), from the bundled
 * {@code idea-gate-thresholds.properties}: {@code <model id>.review} and {@code <model id>.duplicate}. Keyed by the
 * whole id (model, version, text recipe), so a new model, a new version of the model's jar or another recipe finds
 * no thresholds instead of reusing another scale's; bench/gate/run calibrates them on the calibration half of the
 * evaluation set and prints the lines to paste here.
 */
public final class GateThresholds {
    static final String RESOURCE = "/idea-gate-thresholds.properties";
    private static final Properties CALIBRATED = read();

    private GateThresholds() {}

    public static Optional<GateZones> forModel(String vectorModelId) {
        String review = CALIBRATED.getProperty(vectorModelId + ".review");
        String duplicate = CALIBRATED.getProperty(vectorModelId + ".duplicate");
        if (review == null || duplicate == null) {
            return Optional.empty();
        }
        return Optional.of(new GateZones(
                Double.parseDouble(review), Double.parseDouble(duplicate), "calibrated for " + vectorModelId));
    }

    /**
     * The zones an idea is gated with: the schedule's fixed threshold when it sets one, else the model's calibrated
     * zones; a model without calibrated zones and no fixed threshold is refused with what to do.
     */
    public static GateZones resolve(String vectorModelId, Double fixedThreshold) {
        if (fixedThreshold != null) {
            return GateZones.fixed(fixedThreshold);
        }
        return forModel(vectorModelId)
                .orElseThrow(() -> new IllegalStateException("the Idea Gate has no calibrated "
                        + "thresholds for the embedding model " + vectorModelId
                        + ": set spec.similarityThreshold of the "
                        + "schedule (or ANIMOPS_IDEAS_DEFAULT_SIMILARITY_THRESHOLD), or calibrate the model with "
                        + "bench/gate/run"));
    }

    private static Properties read() {
        try (InputStream in = GateThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
