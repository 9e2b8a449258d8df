package io.animops.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.RenderJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedShortStringsTest {
    private static final String JOB = """
            {"apiVersion":"animops.io/v1alpha1","kind":"RenderJob",
             "metadata":{"name":"j-%d","namespace":"studio","labels":{"animops.io/schedule":"daily"}},
             "spec":{"scriptAttemptRef":"a-1","mode":"Preview"},
             "status":{"phase":"Rendering","agent":"mac-1","conditions":[{"type":"Succeeded","status":"Unknown",
               "reason":"Rendering","message":"%s"}]}}
            """;

    @Test
    void shortStringsAreOneInstanceAcrossResourcesAndLongOnesStayApart() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new SharedShortStrings().customize(mapper);
        String longMessage = "rendering frame 1 of 1200 on mac-1; ".repeat(3);

        RenderJob first = mapper.readValue(JOB.formatted(1, longMessage), RenderJob.class);
        RenderJob second = mapper.readValue(JOB.formatted(2, longMessage), RenderJob.class);

        assertThat(second.getMetadata().getNamespace())
                .isSameAs(first.getMetadata().getNamespace());
        assertThat(second.getMetadata().getLabels().get("animops.io/schedule"))
                .isSameAs(first.getMetadata().getLabels().get("animops.io/schedule"));
        assertThat(second.getStatus().getAgent()).isSameAs(first.getStatus().getAgent());
        assertThat(second.getStatus().getConditions().get(0).getReason())
                .isSameAs(first.getStatus().getConditions().get(0).getReason());
        assertThat(second.getMetadata().getName()).isEqualTo("j-2");
        String firstMessage = first.getStatus().getConditions().get(0).getMessage();
        String secondMessage = second.getStatus().getConditions().get(0).getMessage();
        assertThat(secondMessage).isEqualTo(firstMessage).isNotSameAs(firstMessage);
    }

    @Test
    void aStringWhoseSlotWasTakenIsAnsweredEqualAndSharedAgainFromThen() {
        SharedShortStrings.SharedInstances shared = new SharedShortStrings.SharedInstances();
        // "Aa" and "BB" have the same hash, so the same slot
        String first = shared.of(new String("Aa"));
        assertThat(shared.of(new String("Aa"))).isSameAs(first);

        String other = shared.of(new String("BB"));
        assertThat(other).isEqualTo("BB");
        String again = shared.of(new String("Aa"));

        assertThat(again).isEqualTo("Aa").isNotSameAs(first);
        assertThat(shared.of(new String("Aa"))).isSameAs(again);
    }
}
