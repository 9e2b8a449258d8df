package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.utils.Utils;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UidCounterTest {
    @Test
    void uidsHandedOutAfterAStartAreAboveAnyEarlierRunsOnes() {
        long before = System.currentTimeMillis() * 1000;
        UidCounter.startAfterEveryEarlierRun();
        UUID first = Utils.generateId();
        assertThat(first.getLeastSignificantBits()).isGreaterThan(before);
        // a second start (a restart in the same JVM) never moves the counter back
        UidCounter.startAfterEveryEarlierRun();
        assertThat(Utils.generateId().getLeastSignificantBits()).isGreaterThan(first.getLeastSignificantBits());
    }
}
