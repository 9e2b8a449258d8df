package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded API's in-memory indexes: what a look-up, a list and the secondary indexes see. */
class ObjectIndexTest {
    private static final ObjectIndex.Resource IDEAS =
            new ObjectIndex.Resource("animops.io", "v1alpha1", "animationideas");
    private static final ObjectIndex.Resource JOBS = new ObjectIndex.Resource("animops.io", "v1alpha1", "renderjobs");
    private static final ObjectIndex.Resource EVENTS = new ObjectIndex.Resource("", "v1", "events");

    private final ObjectIndex index = new ObjectIndex();

    @Test
    void aListInOneNamespaceSeesNeitherAnotherNamespaceNorAnotherResource() {
        put(IDEAS, "team", "b");
        put(IDEAS, "team", "a");
        // namespaces whose names extend or precede "team" in key order
        put(IDEAS, "team-b", "c");
        put(IDEAS, "team.x", "d");
        put(IDEAS, "teamz", "e");
        put(JOBS, "team", "job");

        assertThat(names(index.list(IDEAS, "team"))).containsExactly("a", "b");
        assertThat(names(index.list(IDEAS, "team-b"))).containsExactly("c");
        assertThat(index.list(IDEAS, "nowhere")).isEmpty();
        assertThat(index.list(new ObjectIndex.Resource("animops.io", "v1", "animationideas"), "team"))
                .as("another version is another resource")
                .isEmpty();
    }

    @Test
    void aClusterWideListHasEveryNamespaceInTheApiServersOrder() {
        put(IDEAS, "b", "x");
        put(IDEAS, "a", "y");
        put(IDEAS, "a", "x");

        assertThat(index.list(IDEAS, null))
                .extracting(e -> e.key().namespace() + "/" + e.key().name())
                .containsExactly("a/x", "a/y", "b/x");
    }

    @Test
    void aDeletedObjectLeavesEveryIndex() {
        put(IDEAS, "team", "parent");
        ObjectIndex.Key child = put(JOBS, "team", "child", "\"ownerReferences\":[{\"uid\":\"uid-team-parent\"}]");
        ObjectIndex.Key event = put(EVENTS, "team", "ev", null, "\"involvedObject\":{\"uid\":\"uid-team-parent\"}");
        assertThat(index.ownedBy("uid-team-parent")).containsExactly(child);
        assertThat(index.eventsAbout("uid-team-parent"))
                .extracting(ObjectIndex.Entry::key)
                .containsExactly(event);

        index.remove(child);
        index.remove(event);

        assertThat(index.get(child)).isEmpty();
        assertThat(index.list(JOBS, "team")).isEmpty();
        assertThat(index.list(JOBS, null)).isEmpty();
        assertThat(index.inNamespace("team")).extracting(e -> e.key().name()).containsExactly("parent");
        assertThat(index.ownedBy("uid-team-parent")).isEmpty();
        assertThat(index.eventsAbout("uid-team-parent")).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aReplacedObjectIsIndexedByWhatItNowSays() {
        ObjectIndex.Key child = put(JOBS, "team", "child", "\"ownerReferences\":[{\"uid\":\"first\"}]");

        put(JOBS, "team", "child", "\"ownerReferences\":[{\"uid\":\"second\"}]");

        assertThat(index.ownedBy("first")).isEmpty();
        assertThat(index.ownedBy("second")).containsExactly(child);
        assertThat(index.list(JOBS, "team")).hasSize(1);
        assertThat(index.get(child).orElseThrow().json()).contains("second");
    }

    @Test
    void eventsWithoutAUidAreAboutTheKindAndName() {
        put(EVENTS, "team", "ev", null, "\"involvedObject\":{\"kind\":\"AnimationIdea\",\"name\":\"idea-1\"}");

        assertThat(index.eventsAbout("AnimationIdea/idea-1")).hasSize(1);
    }

    private ObjectIndex.Key put(ObjectIndex.Resource resource, String namespace, String name) {
        return put(resource, namespace, name, null);
    }

    private ObjectIndex.Key put(ObjectIndex.Resource resource, String namespace, String name, String metadata) {
        return put(resource, namespace, name, metadata, null);
    }

    private ObjectIndex.Key put(
            ObjectIndex.Resource resource, String namespace, String name, String metadata, String body) {
        ObjectIndex.Key key = new ObjectIndex.Key(resource, namespace, name);
        String json = "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\",\"uid\":\"uid-"
                + namespace + "-" + name + "\"" + (metadata == null ? "" : "," + metadata) + "}"
                + (body == null ? "" : "," + body) + "}";
        index.put(key, json, WatchedCrudDispatcher.read(json));
        return key;
    }

    private static java.util.List<String> names(java.util.List<ObjectIndex.Entry> entries) {
        return entries.stream().map(e -> e.key().name()).toList();
    }
}
