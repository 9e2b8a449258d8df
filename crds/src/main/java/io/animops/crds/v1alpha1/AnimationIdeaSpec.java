package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnimationIdeaSpec {
    public enum Source {
        Llm,
        File,
        Manual
    }

    @Required
    @Size(min = 3, max = 200)
    @JsonPropertyDescription("Short title, also the default video title.")
    private String title;

    @Required
    @Size(min = 10, max = 4000)
    @JsonPropertyDescription("What happens in the animation.")
    private String premise;

    @Size(max = 1000)
    @JsonPropertyDescription("The physics effect the animation shows off.")
    private String physicsHook;

    @Size(max = 1000)
    @JsonPropertyDescription("Why it holds a viewer's attention.")
    private String hook;

    @Default("Manual")
    @JsonPropertyDescription("Where the idea came from: Llm, File or Manual.")
    private Source source = Source.Manual;

    @JsonPropertyDescription("ContentSchedule whose settings apply; operator defaults when absent.")
    private String scheduleRef;

    @JsonPropertyDescription("A person's decision under Manual selection: true accepts, false rejects, absent waits.")
    private Boolean approved;

    // requests live in spec, not in annotations: only a spec change bumps metadata.generation, and the
    // operator reconciles an idea on generation changes only
    @Size(max = 64)
    @JsonPropertyDescription(
            "Set to a new value (e.g. the current time) to ask for one more script attempt, with the"
                    + " last errors, when the idea was rejected for failed attempts, failed, or awaits QC. Honoured once per value.")
    private String rerunAttemptRequest;

    @Size(max = 64)
    @JsonPropertyDescription("Set to a new value (e.g. the current time) to ask for a new preview render of the current"
            + " script attempt once its render job has finished. Honoured once per value.")
    private String rerenderRequest;
}
