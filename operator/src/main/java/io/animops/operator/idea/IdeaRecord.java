package io.animops.operator.idea;

import io.animops.operator.db.HistoryRecord;
import io.animops.operator.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

import java.util.LinkedHashMap;
import java.util.Map;

/** An idea's row: outlives the custom resource, and is what the Idea Gate compares new proposals with. */
public class IdeaRecord extends HistoryRecord {
    /** The select list {@link #of} reads (JSON columns as text). */
    static final String SELECT = "select uid, created_at, updated_at, namespace, name, schedule, run_id, title,"
            + " premise, physics_hook, hook, source, phase, similarity_score, nearest::text, similarity_threshold,"
            + " review_threshold, judgement::text, embedding_model from ideas";

    public String namespace;
    public String name;
    public String schedule;
    public String runId;
    public String title;
    public String premise;
    public String physicsHook;
    public String hook;
    public String source;
    public String phase;
    public Double similarityScore;
    public String nearest;
    public Double similarityThreshold;
    public Double reviewThreshold;

    /** The LLM judge's answer in the review zone (GateJudgement as JSON), null when it was not asked. */
    public String judgement;

    /** The model whose vectors gave similarityScore and nearest; the vectors are in idea_embeddings. */
    public String embeddingModel;

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("namespace", namespace);
        columns.put("name", name);
        columns.put("schedule", schedule);
        columns.put("run_id", runId);
        columns.put("title", title);
        columns.put("premise", premise);
        columns.put("physics_hook", physicsHook);
        columns.put("hook", hook);
        columns.put("source", source);
        columns.put("phase", phase);
        columns.put("similarity_score", similarityScore);
        columns.put("nearest", Sql.Jsonb.of(nearest));
        columns.put("similarity_threshold", similarityThreshold);
        columns.put("review_threshold", reviewThreshold);
        columns.put("judgement", Sql.Jsonb.of(judgement));
        columns.put("embedding_model", embeddingModel);
        return columns;
    }

    static IdeaRecord of(Row row) {
        IdeaRecord idea = new IdeaRecord();
        idea.readHistory(row);
        idea.namespace = row.getString("namespace");
        idea.name = row.getString("name");
        idea.schedule = row.getString("schedule");
        idea.runId = row.getString("run_id");
        idea.title = row.getString("title");
        idea.premise = row.getString("premise");
        idea.physicsHook = row.getString("physics_hook");
        idea.hook = row.getString("hook");
        idea.source = row.getString("source");
        idea.phase = row.getString("phase");
        idea.similarityScore = row.getDouble("similarity_score");
        idea.nearest = row.getString("nearest");
        idea.similarityThreshold = row.getDouble("similarity_threshold");
        idea.reviewThreshold = row.getDouble("review_threshold");
        idea.judgement = row.getString("judgement");
        idea.embeddingModel = row.getString("embedding_model");
        return idea;
    }
}
