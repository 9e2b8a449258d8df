package io.animops.operator.storage;

import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.RenderArtifacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows of stored render artifacts, and the facts retention decides on. */
@ApplicationScoped
public class RenderArtifactRepository {
    private static final String UPSERT = """
            insert into render_artifacts (render_job_uid, kind, storage_key, content_type, bytes, sha256, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (render_job_uid, kind) do update
               set storage_key = excluded.storage_key, content_type = excluded.content_type,
                   bytes = excluded.bytes, sha256 = excluded.sha256
             where (render_artifacts.storage_key, render_artifacts.content_type, render_artifacts.bytes, render_artifacts.sha256)
                   is distinct from (excluded.storage_key, excluded.content_type, excluded.bytes, excluded.sha256)
            """;

    /**
     * Finished renders (not validations) whose objects are still stored, with the state of their idea (through
     * the script attempt) and whether a publication refers to them.
     */
    private static final String CANDIDATES = """
            select j.uid, j.namespace, j.name, j.mode, j.phase, coalesce(j.completed_at, j.updated_at),
                   i.phase, i.updated_at,
                   exists (select 1 from publications p where p.namespace = j.namespace and p.render_job = j.name),
                   (select coalesce(array_agg(a.storage_key), '{}') from render_artifacts a
                     where a.render_job_uid = j.uid and a.deleted_at is null)
              from render_jobs j
              left join lateral (select sa.idea_uid, sa.idea_name from script_attempts sa
                                  where sa.namespace = j.namespace and sa.name = j.script_attempt
                                  order by sa.created_at desc limit 1) sa on true
              left join lateral (select i.phase, i.updated_at from ideas i
                                  where i.uid = sa.idea_uid
                                     or (sa.idea_uid is null and i.namespace = j.namespace and i.name = sa.idea_name)
                                  order by i.created_at desc limit 1) i on true
             where j.artifacts_deleted_at is null and j.mode <> 'Validate' and j.phase in ('Succeeded', 'Failed')
             order by j.completed_at nulls first
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Records the artifacts the agent reported (called on every save of the job; unchanged rows are left alone). */
    public void record(UUID job, RenderArtifacts artifacts) {
        Instant now = Instant.now(clock);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            add(upsert, job, ArtifactKind.video, artifacts.getVideo(), now);
            add(upsert, job, ArtifactKind.thumbnail, artifacts.getThumbnail(), now);
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record the artifacts of render job " + job + ": " + e.getMessage(), e);
        }
    }

    private static void add(PreparedStatement upsert, UUID job, ArtifactKind kind, Artifact artifact, Instant now)
            throws SQLException {
        if (artifact == null || artifact.getKey() == null) {
            return;
        }
        upsert.setObject(1, job);
        upsert.setString(2, kind.name());
        upsert.setString(3, artifact.getKey());
        upsert.setString(4, artifact.getContentType());
        upsert.setObject(5, artifact.getBytes());
        upsert.setString(6, artifact.getSha256());
        upsert.setObject(7, now.atOffset(ZoneOffset.UTC));
        upsert.addBatch();
    }

    /** Finished renders whose objects are still stored; retention decides which of them go. */
    List<RetentionPolicy.StoredRender> storedRenders() {
        List<RetentionPolicy.StoredRender> renders = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(CANDIDATES);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                OffsetDateTime ideaUpdated = rows.getObject(8, OffsetDateTime.class);
                renders.add(new RetentionPolicy.StoredRender(
                        rows.getObject(1, UUID.class),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getObject(6, OffsetDateTime.class).toInstant(),
                        rows.getString(7),
                        ideaUpdated == null ? null : ideaUpdated.toInstant(),
                        rows.getBoolean(9),
                        List.of((String[]) rows.getArray(10).getArray())));
            }
            return renders;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list stored renders: " + e.getMessage(), e);
        }
    }

    /** Marks the render's objects as deleted, with the rule that removed them. */
    void markDeleted(UUID job, String reason, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement jobs = connection.prepareStatement(
                            "update render_jobs set artifacts_deleted_at = ?, artifacts_deletion_reason = ? where uid = ?");
                    PreparedStatement artifacts = connection.prepareStatement(
                            "update render_artifacts set deleted_at = ? where render_job_uid = ? and deleted_at is null")) {
                jobs.setObject(1, at.atOffset(ZoneOffset.UTC));
                jobs.setString(2, reason);
                jobs.setObject(3, job);
                jobs.executeUpdate();
                artifacts.setObject(1, at.atOffset(ZoneOffset.UTC));
                artifacts.setObject(2, job);
                artifacts.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record the deletion of render job " + job + "'s artifacts: " + e.getMessage(), e);
        }
    }
}
