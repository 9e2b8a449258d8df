package io.animops.operator.script;

/** What the scene must be made for: the frame it is drawn in and how long it runs. */
public record SceneExpectations(int width, int height, int durationSeconds) {
    /** The design system's frame: vertical 1080x1920. */
    public static SceneExpectations frame(int durationSeconds) {
        return new SceneExpectations(1080, 1920, durationSeconds);
    }
}
