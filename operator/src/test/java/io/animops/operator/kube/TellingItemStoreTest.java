package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TellingItemStoreTest {
    private final TellingItemStore<ConfigMap> store = new TellingItemStore<>();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @Test
    void followersAreToldOfEveryChangeWithWhatItReplacedOnceTheIndexHasIt() {
        store.indexBy(map -> List.of(map.getData().get("idea")));
        store.follow(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap map) {
                told.add("add " + version(map) + " found " + found("a"));
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap after) {
                told.add("update " + version(before) + "->" + version(after) + " found a " + found("a") + " b "
                        + found("b"));
            }

            @Override
            public void onDelete(ConfigMap map, boolean finalStateUnknown) {
                told.add("delete " + version(map) + " found " + found("b"));
            }
        });

        store.put("ns/job", map("1", "a"));
        store.put("ns/job", map("2", "a"));
        store.put("ns/job", map("3", "b"));
        store.remove("ns/job");
        store.remove("ns/gone");

        assertThat(told)
                .containsExactly(
                        "add 1 found [1]",
                        "update 1->2 found a [2] b []",
                        "update 2->3 found a [] b [3]",
                        "delete 3 found []");
        assertThat(store.size()).isZero();
    }

    @Test
    void aFailingFollowerLosesNoChangeForTheStoreNorForTheOthers() {
        store.follow(new Followed() {
            @Override
            public void onAdd(ConfigMap map) {
                throw new IllegalStateException("broken follower");
            }
        });
        store.follow(new Followed() {
            @Override
            public void onAdd(ConfigMap map) {
                told.add("add " + version(map));
            }
        });

        store.put("ns/job", map("1", "a"));

        assertThat(store.get("ns/job")).isNotNull();
        assertThat(told).containsExactly("add 1");
    }

    @Test
    void anUnfollowedFollowerIsToldNothingMore() {
        Followed follower = new Followed() {
            @Override
            public void onAdd(ConfigMap map) {
                told.add("add " + version(map));
            }
        };
        store.follow(follower);
        store.put("ns/one", map("1", "a"));
        store.unfollow(follower);
        store.put("ns/two", map("2", "a"));

        assertThat(told).containsExactly("add 1");
    }

    @Test
    void theIndexIsSetBeforeTheStoreFills() {
        store.put("ns/job", map("1", "a"));

        assertThatThrownBy(() -> store.indexBy(map -> List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before its informer fills it");
    }

    private List<String> found(String key) {
        return store.byIndex(key).stream().map(TellingItemStoreTest::version).toList();
    }

    private static String version(ConfigMap map) {
        return map.getMetadata().getResourceVersion();
    }

    private static ConfigMap map(String resourceVersion, String idea) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("job")
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .addToData("idea", idea)
                .build();
    }

    /** A follower that ignores what a test does not ask about. */
    private abstract static class Followed implements ResourceEventHandler<ConfigMap> {
        @Override
        public void onAdd(ConfigMap map) {}

        @Override
        public void onUpdate(ConfigMap before, ConfigMap after) {}

        @Override
        public void onDelete(ConfigMap map, boolean finalStateUnknown) {}
    }
}
