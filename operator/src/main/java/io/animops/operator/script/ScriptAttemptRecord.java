package io.animops.operator.script;

import io.animops.operator.db.HistoryRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.UUID;

/** A script attempt with its full script text, kept for provenance and success-rate queries. */
@Entity
@Table(name = "script_attempts")
public class ScriptAttemptRecord extends HistoryRecord {
    @Column(name = "idea_uid")
    public UUID ideaUid;

    public String namespace;
    public String name;

    @Column(name = "idea_name")
    public String ideaName;

    public int attempt;
    public String provider;
    public String model;
    public Boolean offline;

    @Column(name = "prompt_version")
    public String promptVersion;

    public String origin;
    public String script;

    @Column(name = "script_sha256")
    public String scriptSha256;

    @Column(name = "contract_version")
    public String contractVersion;

    public String phase;

    @ColumnTransformer(read = "cast(errors as text)", write = "cast(cast(? as text) as jsonb)")
    public String errors;

    @Column(name = "prompt_tokens")
    public Long promptTokens;

    @Column(name = "completion_tokens")
    public Long completionTokens;
}
