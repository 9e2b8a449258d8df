package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.OperatorException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedInformersTest {
    private final SharedInformers informers = new SharedInformers();
    private final TellingItemStore<ConfigMap> store = new TellingItemStore<>();
    private final AtomicBoolean synced = new AtomicBoolean();

    @Test
    void aCachedObjectIsReadOnlyOnceItsInformerHasSynced() {
        assertThat(informers.cached(ConfigMap.class, "ns", "settings"))
                .as("not shared")
                .isEmpty();
        informers.share(ConfigMap.class, store, synced::get);
        store.put("ns/settings", map("settings"));
        assertThat(informers.cached(ConfigMap.class, "ns", "settings"))
                .as("shared, not synced: the list may be partial")
                .isEmpty();

        synced.set(true);

        assertThat(informers.cached(ConfigMap.class, "ns", "settings")).contains(store.get("ns/settings"));
        assertThat(informers.cached(ConfigMap.class, "other", "settings")).isEmpty();
        assertThat(informers.cached(ConfigMap.class, "ns", "missing")).isEmpty();
    }

    @Test
    void anIndexAskedBeforeTheStoreIsSharedIsSetWhenItIs() {
        informers.indexBy(ConfigMap.class, map -> List.of(map.getData().get("idea")));
        informers.share(ConfigMap.class, store, synced::get);
        store.put("ns/settings", map("settings"));

        assertThat(store.byIndex("idea-a")).hasSize(1);
    }

    @Test
    void aKindNeverSharedFailsTheWaitInTime() {
        assertThatThrownBy(() -> informers.awaitSynced(ConfigMap.class, Duration.ofMillis(100)))
                .isInstanceOf(OperatorException.class)
                .hasMessage("the informer of ConfigMap did not sync within PT0.1S");
    }

    private static ConfigMap map(String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName(name)
                .endMetadata()
                .addToData("idea", "idea-a")
                .build();
    }
}
