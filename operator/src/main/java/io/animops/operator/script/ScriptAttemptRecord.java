package io.animops.operator.script;

import io.animops.operator.db.HistoryRecord;
import io.animops.operator.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A script attempt with its full script text, kept for provenance and success-rate queries. */
public class ScriptAttemptRecord extends HistoryRecord {
    /** The select list {@link #of} reads (JSON columns as text). */
    static final String SELECT = "select uid, created_at, updated_at, idea_uid, namespace, name, idea_name, attempt,"
            + " provider, model, offline, prompt_version, origin, script, script_sha256, contract_version, phase,"
            + " errors::text, prompt_tokens, completion_tokens from script_attempts";

    public UUID ideaUid;
    public String namespace;
    public String name;
    public String ideaName;
    public int attempt;
    public String provider;
    public String model;
    public Boolean offline;
    public String promptVersion;
    public String origin;
    public String script;
    public String scriptSha256;
    public String contractVersion;
    public String phase;
    public String errors;
    public Long promptTokens;
    public Long completionTokens;

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("idea_uid", ideaUid);
        columns.put("namespace", namespace);
        columns.put("name", name);
        columns.put("idea_name", ideaName);
        columns.put("attempt", attempt);
        columns.put("provider", provider);
        columns.put("model", model);
        columns.put("offline", offline);
        columns.put("prompt_version", promptVersion);
        columns.put("origin", origin);
        columns.put("script", script);
        columns.put("script_sha256", scriptSha256);
        columns.put("contract_version", contractVersion);
        columns.put("phase", phase);
        columns.put("errors", Sql.Jsonb.of(errors));
        columns.put("prompt_tokens", promptTokens);
        columns.put("completion_tokens", completionTokens);
        return columns;
    }

    static ScriptAttemptRecord of(Row row) {
        ScriptAttemptRecord attempt = new ScriptAttemptRecord();
        attempt.readHistory(row);
        attempt.ideaUid = row.getUUID("idea_uid");
        attempt.namespace = row.getString("namespace");
        attempt.name = row.getString("name");
        attempt.ideaName = row.getString("idea_name");
        attempt.attempt = row.getInteger("attempt");
        attempt.provider = row.getString("provider");
        attempt.model = row.getString("model");
        attempt.offline = row.getBoolean("offline");
        attempt.promptVersion = row.getString("prompt_version");
        attempt.origin = row.getString("origin");
        attempt.script = row.getString("script");
        attempt.scriptSha256 = row.getString("script_sha256");
        attempt.contractVersion = row.getString("contract_version");
        attempt.phase = row.getString("phase");
        attempt.errors = row.getString("errors");
        attempt.promptTokens = row.getLong("prompt_tokens");
        attempt.completionTokens = row.getLong("completion_tokens");
        return attempt;
    }
}
