package io.animops.operator.standalone;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.internal.WatchHTTPManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** The embedded API written through to PostgreSQL: a new API on the same store finds every object as it was. */
class DurableKubernetesApiTest {
    @TempDir
    Path dir;

    EmbeddedDatabase database;
    SqlObjectStore store;
    EmbeddedKubernetesApi api;

    @BeforeEach
    void startDatabase() {
        database = new EmbeddedDatabase().start(dir.resolve("pgdata"), FreePorts.next());
    }

    @AfterEach
    void stopAll() {
        if (api != null) {
            api.stop();
        }
        if (store != null) {
            store.close();
        }
        database.stop();
    }

    private KubernetesClient startApi() {
        if (api != null) {
            api.stop();
            store.close();
        }
        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        api = new EmbeddedKubernetesApi().start(FreePorts.next(), store);
        api.applyCrds();
        return api.client();
    }

    @Test
    void aRestartedApiServesEveryObjectWithItsUidResourceVersionAndStatus() {
        KubernetesClient client = startApi();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("studio")
                        .endMetadata()
                        .build())
                .create();
        AnimationIdea kept = client.resource(idea("studio", "kept-idea")).create();
        kept.setStatus(new AnimationIdeaStatus());
        kept.getStatus().setPhase(IdeaPhase.Scripting);
        kept = client.resource(kept).updateStatus();
        kept.getMetadata().setLabels(new java.util.HashMap<>(java.util.Map.of("tier", "gold")));
        kept = client.resource(kept).update();
        AnimationIdea deleted = client.resource(idea("studio", "deleted-idea")).create();
        // the highest resourceVersion so far belongs to an object that is then deleted: it must not be handed out again
        AnimationIdea newest = client.resource(idea("default", "newest-idea")).create();
        long highestBefore = Long.parseLong(newest.getMetadata().getResourceVersion());
        client.resource(newest).delete();
        client.resource(deleted).delete();

        KubernetesClient restarted = startApi();

        AnimationIdea back = restarted
                .resources(AnimationIdea.class)
                .inNamespace("studio")
                .withName("kept-idea")
                .get();
        assertThat(back.getMetadata().getUid()).isEqualTo(kept.getMetadata().getUid());
        assertThat(back.getMetadata().getResourceVersion())
                .isEqualTo(kept.getMetadata().getResourceVersion());
        assertThat(back.getMetadata().getCreationTimestamp())
                .isEqualTo(kept.getMetadata().getCreationTimestamp());
        assertThat(back.getMetadata().getLabels()).containsEntry("tier", "gold");
        assertThat(back.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(back.getSpec().getTitle()).isEqualTo("kept-idea");
        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inAnyNamespace()
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("kept-idea");
        assertThat(restarted.namespaces().withName("studio").get()).isNotNull();

        AnimationIdea later =
                restarted.resource(idea("studio", "after-restart")).create();
        assertThat(Long.parseLong(later.getMetadata().getResourceVersion())).isGreaterThan(highestBefore);
        assertThat(later.getMetadata().getUid()).isNotEqualTo(kept.getMetadata().getUid());
        // lists report a resourceVersion that does not go backwards either
        assertThat(Long.parseLong(restarted
                        .resources(AnimationIdea.class)
                        .inAnyNamespace()
                        .list()
                        .getMetadata()
                        .getResourceVersion()))
                .isGreaterThanOrEqualTo(Long.parseLong(later.getMetadata().getResourceVersion()));
    }

    @Test
    void uidsAreRandomAsAnApiServersAndNeverRepeatAfterARestart() throws Exception {
        Set<String> uids = new HashSet<>();
        Set<String> names = new HashSet<>();
        KubernetesClient client = startApi();
        List<String> watched = new CopyOnWriteArrayList<>();
        try (Watch ignored = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AnimationIdea resource) {
                        watched.add(resource.getMetadata().getName() + " "
                                + resource.getMetadata().getUid());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            List<String> created = new ArrayList<>();
            for (AnimationIdea idea : List.of(idea("default", "named"), generated("default", "generated-"))) {
                AnimationIdea answer = client.resource(idea).create();
                String name = answer.getMetadata().getName();
                String uid = answer.getMetadata().getUid();
                // the create's answer, a read and the watch all tell the uid that was stored
                assertThat(client.resources(AnimationIdea.class)
                                .inNamespace("default")
                                .withName(name)
                                .get()
                                .getMetadata()
                                .getUid())
                        .isEqualTo(uid);
                created.add(name + " " + uid);
                uids.add(uid);
                names.add(name);
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> watched.containsAll(created));
        }

        for (int restart = 0; restart < 2; restart++) {
            client = startApi();
            for (AnimationIdea idea :
                    List.of(idea("default", "named-" + restart), generated("default", "generated-"))) {
                AnimationIdea answer = client.resource(idea).create();
                assertThat(uids.add(answer.getMetadata().getUid()))
                        .as(
                                "uid %s of %s was given out before",
                                answer.getMetadata().getUid(), idea)
                        .isTrue();
                assertThat(names.add(answer.getMetadata().getName())).isTrue();
            }
        }
        assertThat(uids)
                .hasSize(6)
                .allSatisfy(uid -> assertThat(UUID.fromString(uid).version()).isEqualTo(4));
        assertThat(names)
                .filteredOn(n -> n.startsWith("generated-"))
                .hasSize(3)
                .allMatch(n -> n.matches("generated-[bcdfghjklmnpqrstvwxz2456789]{5}"));
    }

    @Test
    void aRestartRebuildsTheIndexesListsSelectorsAndOwnersUseAfterward() {
        KubernetesClient client = startApi();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("other")
                        .endMetadata()
                        .build())
                .create();
        AnimationIdea owner = client.resource(idea("default", "owner")).create();
        AnimationIdea owned = idea("default", "owned");
        owned.getMetadata()
                .setOwnerReferences(List.of(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                        .withApiVersion("animops.io/v1alpha1")
                        .withKind("AnimationIdea")
                        .withName("owner")
                        .withUid(owner.getMetadata().getUid())
                        .build()));
        owned.getMetadata().setLabels(java.util.Map.of("tier", "gold"));
        client.resource(owned).create();
        client.resource(idea("other", "elsewhere")).create();

        KubernetesClient restarted = startApi();

        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("owned", "owner");
        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inAnyNamespace()
                        .withLabel("tier", "gold")
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("owned");
        restarted
                .resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("owner")
                .delete();
        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inAnyNamespace()
                        .list()
                        .getItems())
                .as("the owned idea is collected through the owner index rebuilt at start")
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("elsewhere");
    }

    @Test
    void aWatchStartedAfterTheRestartSeesStoredObjectsAndNewChanges() throws Exception {
        startApi().resource(idea("default", "before")).create();
        KubernetesClient restarted = startApi();
        List<String> events = new CopyOnWriteArrayList<>();
        // over HTTP, as the API's clients watch: the stored idea is sent with the watch's start, which a WebSocket
        // watch of Fabric8's Vert.x client can drop on a loaded machine (WatchTransport)
        try (Watch watch = restarted
                .resources(AnimationIdea.class)
                .inNamespace("default")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AnimationIdea resource) {
                        events.add(action + " " + resource.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            assertThat(watch).isInstanceOf(WatchHTTPManager.class);
            restarted.resource(idea("default", "after")).create();
            await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> events.containsAll(List.of("ADDED before", "ADDED after")));
        }
    }

    @Test
    void aWriteTheStoreCannotCommitIsRefusedThenEveryRequestUntilARestartWhichServesWhatWasStored() throws Exception {
        KubernetesClient client = startApi();
        client.resource(idea("default", "stored")).create();
        sql("alter table kube_objects add constraint no_more check (name <> 'refused')");
        // without the client's retries of a 503, which would only repeat the refusal
        try (KubernetesClient once = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(api.clientConfig())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build()) {
            assertThatThrownBy(() -> once.resource(idea("default", "refused")).create())
                    .hasMessageContaining("503")
                    .hasMessageContaining("PostgreSQL store failed")
                    .hasMessageContaining("violates check constraint \"no_more\"")
                    // PostgreSQL's reason, not the statement it refused
                    .hasMessageNotContaining("insert into");
            // the index may hold what the database lacks: nothing is served from it any more
            assertThatThrownBy(() -> once.resources(AnimationIdea.class)
                            .inNamespace("default")
                            .withName("stored")
                            .get())
                    .hasMessageContaining("503");
        }
        sql("alter table kube_objects drop constraint no_more");

        KubernetesClient restarted = startApi();

        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("stored");
    }

    @Test
    void noWatchOrReadSeesAChangeBeforeItsCommit() throws Exception {
        KubernetesClient client = startApi();
        AnimationIdea held = client.resource(idea("default", "held")).create();
        List<String> events = new CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Watch ignored = client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .watch(
                                new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                                        .withResourceVersion(held.getMetadata().getResourceVersion())
                                        .build(),
                                new Watcher<>() {
                                    @Override
                                    public void eventReceived(Action action, AnimationIdea resource) {
                                        events.add(action + " "
                                                + resource.getMetadata().getName() + " "
                                                + resource.getMetadata().getResourceVersion());
                                    }

                                    @Override
                                    public void onClose(WatcherException cause) {}
                                });
                Connection lock =
                        database.dataSource(EmbeddedDatabase.KUBE_DATABASE).getConnection()) {
            client.resource(idea("default", "watch-is-open")).create();
            await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> events.stream().anyMatch(e -> e.startsWith("ADDED watch-is-open")));
            assertThat(events).noneMatch(e -> e.contains(" held "));

            HeldCommit pending = writeAndReadWhileTheCommitWaits(client, held, lock, clients);
            java.util.concurrent.Future<AnimationIdea> written = pending.written();
            java.util.concurrent.Future<AnimationIdea> read = pending.read();

            Thread.sleep(1000);
            assertThat(written).as("the write is answered after its commit").isNotDone();
            assertThat(read)
                    .as("a read that sees the change is answered after its commit")
                    .isNotDone();
            assertThat(events).as("no watch gets the change before its commit").noneMatch(e -> e.contains(" held "));

            lock.rollback();
            String committedVersion =
                    written.get(30, TimeUnit.SECONDS).getMetadata().getResourceVersion();
            assertThat(read.get(30, TimeUnit.SECONDS).getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
            await().atMost(30, TimeUnit.SECONDS)
                    .untilAsserted(() -> assertThat(events).containsOnlyOnce("MODIFIED held " + committedVersion));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aReadWaitingForACommitThatFailsIsAnswered503() throws Exception {
        KubernetesClient client = startApi();
        AnimationIdea held = client.resource(idea("default", "held")).create();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
        // without the client's retries of a 503, which would only repeat the refusal
        try (KubernetesClient once = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                        .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(api.clientConfig())
                                .withRequestRetryBackoffLimit(0)
                                .build())
                        .build();
                Connection lock =
                        database.dataSource(EmbeddedDatabase.KUBE_DATABASE).getConnection()) {
            try (Statement s = lock.createStatement()) {
                // every commit from now on fails at its last statement, once the lock below lets it get that far
                s.execute("create function refuse() returns trigger language plpgsql"
                        + " as $$ begin raise exception 'refused'; end $$");
                s.execute(
                        "create trigger refuse before insert on kube_watch_log for each row execute function refuse()");
            }
            HeldCommit pending = writeAndReadWhileTheCommitWaits(once, held, lock, clients);
            Thread.sleep(500);
            assertThat(pending.read()).isNotDone();

            lock.rollback();

            assertThatThrownBy(() -> pending.written().get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("503");
            assertThatThrownBy(() -> pending.read().get(30, TimeUnit.SECONDS))
                    .as("what the read saw was never committed: it is refused, not answered")
                    .hasMessageContaining("503");
        } finally {
            clients.shutdownNow();
        }
    }

    /** A status write whose commit waits for a lock, and a read of the same idea made meanwhile. */
    private record HeldCommit(
            java.util.concurrent.Future<AnimationIdea> written, java.util.concurrent.Future<AnimationIdea> read) {}

    /**
     * Holds the next commit on a row lock of {@code lock}'s transaction (as a slow disk would), then moves
     * {@code held} to Scripting and reads it from {@code clients}' threads; {@code lock.rollback()} lets the commit go.
     */
    private static HeldCommit writeAndReadWhileTheCommitWaits(
            KubernetesClient client, AnimationIdea held, Connection lock, java.util.concurrent.ExecutorService clients)
            throws java.sql.SQLException {
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
            s.execute("select 1 from kube_objects where name = '"
                    + held.getMetadata().getName() + "' for update");
        }
        held.setStatus(new AnimationIdeaStatus());
        held.getStatus().setPhase(IdeaPhase.Scripting);
        java.util.concurrent.Future<AnimationIdea> written =
                clients.submit(() -> client.resource(held).updateStatus());
        await().atMost(30, TimeUnit.SECONDS).until(() -> committerWaitsForTheLock(lock));
        java.util.concurrent.Future<AnimationIdea> read = clients.submit(() -> client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("held")
                .get());
        return new HeldCommit(written, read);
    }

    /** Whether a statement of another session waits for a lock {@code holder} has. */
    private static boolean committerWaitsForTheLock(Connection holder) throws java.sql.SQLException {
        try (Statement s = holder.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    @Test
    void concurrentWritesAreCommittedInGroupsAndAllComeBackAfterARestart() throws Exception {
        KubernetesClient client = startApi();
        long commitsBefore = store.transactions();
        int writers = 12;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        client.resource(idea("default", "w" + writer + "-" + i)).create();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.transactions() - commitsBefore)
                .as("several writers' changes share a commit")
                .isLessThan(writers * each);

        KubernetesClient restarted = startApi();

        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list()
                        .getItems())
                .hasSize(writers * each);
    }

    /** An idea named by the API from {@code metadata.generateName}. */
    private static AnimationIdea generated(String namespace, String prefix) {
        AnimationIdea idea = idea(namespace, null);
        idea.getMetadata().setGenerateName(prefix);
        idea.getSpec().setTitle(prefix);
        return idea;
    }

    @Test
    void objectsAreStoredUncompressedFromTheNextStartOnAndRowsCompressedBeforeStillReadWhole() throws Exception {
        startApi();
        // as a database an earlier version created: objects compressed (PostgreSQL's default storage for text)
        sql(
                "alter table kube_objects alter column object set storage extended",
                "alter table kube_watch_log alter column object set storage extended");
        String big = "a premise that repeats itself. ".repeat(120);
        KubernetesClient client = api.client();
        client.resource(bigIdea("before", big)).create();

        KubernetesClient restarted = startApi();
        restarted.resource(bigIdea("after", big)).create();

        assertThat(compression("kube_objects")).containsEntry("before", "pglz").containsEntry("after", "none");
        assertThat(compression("kube_watch_log"))
                .containsEntry("before", "pglz")
                .containsEntry("after", "none");
        assertThat(restarted
                        .resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list()
                        .getItems())
                .extracting(i -> i.getSpec().getPremise())
                .containsExactly(big, big);
    }

    @Test
    void oneGroupsChangesLandInTheirOrderAnObjectDeletedAndCreatedAgainIncluded() {
        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        store.write(
                List.of(
                        change(1, "ADDED", "a"),
                        change(2, "MODIFIED", "a"),
                        change(3, "DELETED", "a"),
                        change(4, "ADDED", "a"),
                        change(5, "ADDED", "b"),
                        change(6, "ADDED", "c"),
                        change(7, "DELETED", "c")),
                100);

        assertThat(store.loadAll())
                .extracting(SqlObjectStore.StoredObject::name, SqlObjectStore.StoredObject::json)
                .containsExactly(tuple("a", json(4, "a")), tuple("b", json(5, "b")));
        assertThat(store.recentChanges(10))
                .extracting(WatchLog.Change::resourceVersion, WatchLog.Change::type, WatchLog.Change::name)
                .containsExactly(
                        tuple(1L, "ADDED", "a"),
                        tuple(2L, "MODIFIED", "a"),
                        tuple(3L, "DELETED", "a"),
                        tuple(4L, "ADDED", "a"),
                        tuple(5L, "ADDED", "b"),
                        tuple(6L, "ADDED", "c"),
                        tuple(7L, "DELETED", "c"));
        assertThat(store.recentChanges(10).get(3).json()).isEqualTo(json(4, "a"));
        assertThat(store.lastResourceVersion()).isEqualTo(7);
    }

    @Test
    void theHighestResourceVersionIsTheLogsLatestChangeAfterTrimmingOrAnOlderStoresOwnRecordOfIt() throws Exception {
        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        store.write(List.of(change(1, "ADDED", "a")), 10);
        for (long resourceVersion = 2; resourceVersion < 300; resourceVersion++) {
            store.write(List.of(change(resourceVersion, "MODIFIED", "a")), 10);
        }
        store.write(List.of(change(300, "DELETED", "a")), 10);

        assertThat(store.loadAll()).isEmpty();
        assertThat(store.recentChanges(1000)).hasSizeLessThan(300);
        assertThat(store.lastResourceVersion())
                .as("the deletion's, kept by the trimmed log: no object holds it")
                .isEqualTo(300);

        // a store written before the log was the only record kept the highest in a row of its own
        sql(
                "create table kube_revision (id int primary key, resource_version bigint not null)",
                "insert into kube_revision values (1, 9000)");
        assertThat(store.lastResourceVersion()).isEqualTo(9000);
    }

    private static SqlObjectStore.Write change(long resourceVersion, String type, String name) {
        WatchLog.Change change = new WatchLog.Change(
                resourceVersion, type, "v1", "configmaps", "default", name, json(resourceVersion, name));
        return new SqlObjectStore.Write(change, type.equals("DELETED") ? null : change.object());
    }

    private static String json(long resourceVersion, String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"default\",\"uid\":\"uid-" + name + "-" + resourceVersion
                + "\",\"resourceVersion\":\"" + resourceVersion + "\"}}";
    }

    private static AnimationIdea bigIdea(String name, String premise) {
        AnimationIdea idea = idea("default", name);
        idea.getSpec().setPremise(premise);
        return idea;
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = database.dataSource(EmbeddedDatabase.KUBE_DATABASE).getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** How each idea's JSON is stored in the table: pglz, or none when it is not compressed. */
    private Map<String, String> compression(String table) throws Exception {
        Map<String, String> byName = new HashMap<>();
        try (Connection c = database.dataSource(EmbeddedDatabase.KUBE_DATABASE).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name, coalesce(pg_column_compression(object), 'none') from "
                        + table + " where plural = 'animationideas'")) {
            while (rs.next()) {
                byName.put(rs.getString(1), rs.getString(2));
            }
        }
        return byName;
    }

    private static AnimationIdea idea(String namespace, String name) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle(name);
        spec.setPremise("A premise long enough for the schema.");
        idea.setSpec(spec);
        return idea;
    }
}
