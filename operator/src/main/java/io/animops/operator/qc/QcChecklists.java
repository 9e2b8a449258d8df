package io.animops.operator.qc;

import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.config.ConfiguredFile;
import io.animops.operator.db.Database;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Versioned QC checklists. At start the checklists file (default: the bundled examples/qc-checklists.json) is
 * registered: a checklist whose content is unchanged keeps its version, a changed one gets the next version.
 * Old versions stay, since results refer to them.
 */
@ApplicationScoped
public class QcChecklists {
    static final String BUNDLED = "animops/examples/qc-checklists.json";
    private static final Logger LOG = Logger.getLogger(QcChecklists.class);

    @Inject
    AnimOpsConfig config;

    @Inject
    Database database;

    @Inject
    Clock clock;

    /** A broken checklists file stops the operator at start rather than at the first QC. */
    void onStart(@Observes StartupEvent event) {
        ConfiguredFile file = checklistsFile(config.qc().checklistsFile());
        for (QcChecklist checklist : QcChecklist.parseFile(file.text(), file.source())) {
            VersionedChecklist stored = register(checklist);
            LOG.infof(
                    "QC checklist %s v%d (%d items) from %s",
                    stored.name(), stored.version(), checklist.items().size(), file.source());
        }
    }

    /** The checklists file at {@code path}, else the bundled examples/qc-checklists.json. */
    public static ConfiguredFile checklistsFile(Optional<String> path) {
        return ConfiguredFile.read(path, BUNDLED, "examples/qc-checklists.json");
    }

    /** Stores the checklist: the latest version when its content is the same, else a new version. */
    public VersionedChecklist register(QcChecklist checklist) {
        QcChecklistRecord row =
                database.inTransaction(s -> latestRow(s, checklist.name()).chain(latest -> {
                    if (latest != null && latest.sha256.equals(checklist.sha256())) {
                        return Uni.createFrom().item(latest);
                    }
                    QcChecklistRecord next = new QcChecklistRecord();
                    next.name = checklist.name();
                    next.version = latest == null ? 1 : latest.version + 1;
                    next.sha256 = checklist.sha256();
                    next.document = checklist.json();
                    next.createdAt = Instant.now(clock);
                    return s.persist(next).replaceWith(next);
                }));
        return new VersionedChecklist(row.id, row.version, checklist);
    }

    public Optional<VersionedChecklist> latest(String name) {
        return Optional.ofNullable(database.inTransaction(s -> latestRow(s, name)))
                .map(QcChecklists::of);
    }

    public Optional<VersionedChecklist> find(String name, int version) {
        return database
                .inTransaction(s -> s.createQuery(
                                "from QcChecklistRecord c where c.name = :name and c.version = :version",
                                QcChecklistRecord.class)
                        .setParameter("name", name)
                        .setParameter("version", version)
                        .getResultList())
                .stream()
                .findFirst()
                .map(QcChecklists::of);
    }

    /** The latest version of every checklist, by name. */
    public List<VersionedChecklist> list() {
        return database
                .inTransaction(s -> s.createQuery("""
                        from QcChecklistRecord c where c.version = (select max(o.version) from QcChecklistRecord o where o.name = c.name)
                        order by c.name""", QcChecklistRecord.class).getResultList())
                .stream()
                .map(QcChecklists::of)
                .toList();
    }

    /** Every version of one checklist, oldest first. */
    public List<VersionedChecklist> versions(String name) {
        return database
                .inTransaction(s -> s.createQuery(
                                "from QcChecklistRecord c where c.name = :name order by c.version",
                                QcChecklistRecord.class)
                        .setParameter("name", name)
                        .getResultList())
                .stream()
                .map(QcChecklists::of)
                .toList();
    }

    private static Uni<QcChecklistRecord> latestRow(org.hibernate.reactive.mutiny.Mutiny.Session s, String name) {
        return s.createQuery(
                        "from QcChecklistRecord c where c.name = :name order by c.version desc",
                        QcChecklistRecord.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private static VersionedChecklist of(QcChecklistRecord row) {
        return new VersionedChecklist(
                row.id, row.version, QcChecklist.parse(row.document, "qc_checklists " + row.name + " v" + row.version));
    }
}
