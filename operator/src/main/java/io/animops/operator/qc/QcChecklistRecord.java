package io.animops.operator.qc;

import io.animops.operator.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

/** One version of a checklist; never changed once written, since results refer to it. */
public class QcChecklistRecord {
    /** The select list {@link #of} reads (the document as text). */
    static final String SELECT = "select id, name, version, sha256, document::text, created_at from qc_checklists";

    public Long id;
    public String name;
    public int version;
    public String sha256;
    public String document;
    public Instant createdAt;

    static QcChecklistRecord of(Row row) {
        QcChecklistRecord checklist = new QcChecklistRecord();
        checklist.id = row.getLong("id");
        checklist.name = row.getString("name");
        checklist.version = row.getInteger("version");
        checklist.sha256 = row.getString("sha256");
        checklist.document = row.getString("document");
        checklist.createdAt = Sql.instant(row, "created_at");
        return checklist;
    }
}
