package io.animops.operator.qc;

import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.config.ConfiguredFile;
import io.animops.operator.db.Database;
import io.quarkus.runtime.StartupEvent;
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
    private static final String LATEST = QcChecklistRecord.SELECT + " where name = $1 order by version desc limit 1";

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
        QcChecklistRecord row = database.transaction(sql -> {
            QcChecklistRecord latest =
                    sql.first(LATEST, QcChecklistRecord::of, checklist.name()).orElse(null);
            if (latest != null && latest.sha256.equals(checklist.sha256())) {
                return latest;
            }
            QcChecklistRecord next = new QcChecklistRecord();
            next.name = checklist.name();
            next.version = latest == null ? 1 : latest.version + 1;
            next.sha256 = checklist.sha256();
            next.document = checklist.json();
            next.createdAt = Instant.now(clock);
            next.id = sql.first(
                            "insert into qc_checklists (name, version, sha256, document, created_at)"
                                    + " values ($1, $2, $3, cast(cast($4 as text) as jsonb), $5) returning id",
                            r -> r.getLong("id"),
                            next.name,
                            next.version,
                            next.sha256,
                            next.document,
                            next.createdAt)
                    .orElseThrow();
            return next;
        });
        return new VersionedChecklist(row.id, row.version, checklist);
    }

    public Optional<VersionedChecklist> latest(String name) {
        return database.first(LATEST, QcChecklistRecord::of, name).map(QcChecklists::of);
    }

    public Optional<VersionedChecklist> find(String name, int version) {
        return database.first(
                        QcChecklistRecord.SELECT + " where name = $1 and version = $2",
                        QcChecklistRecord::of,
                        name,
                        version)
                .map(QcChecklists::of);
    }

    /** The latest version of every checklist, by name. */
    public List<VersionedChecklist> list() {
        return database
                .list(
                        QcChecklistRecord.SELECT + " c where version ="
                                + " (select max(o.version) from qc_checklists o where o.name = c.name) order by name",
                        QcChecklistRecord::of)
                .stream()
                .map(QcChecklists::of)
                .toList();
    }

    /** Every version of one checklist, oldest first. */
    public List<VersionedChecklist> versions(String name) {
        return database
                .list(QcChecklistRecord.SELECT + " where name = $1 order by version", QcChecklistRecord::of, name)
                .stream()
                .map(QcChecklists::of)
                .toList();
    }

    private static VersionedChecklist of(QcChecklistRecord row) {
        return new VersionedChecklist(
                row.id, row.version, QcChecklist.parse(row.document, "qc_checklists " + row.name + " v" + row.version));
    }
}
