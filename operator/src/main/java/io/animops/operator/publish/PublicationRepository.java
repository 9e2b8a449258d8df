package io.animops.operator.publish;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.Publication;
import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Publications in PostgreSQL. */
@ApplicationScoped
public class PublicationRepository {
    /** The row mirrors the publication: every column is written (a null too). */
    private static final String UPSERT = """
            insert into publications (uid, namespace, name, render_job, platform, mode, phase, external_id, url, idea,
                                      published_at, confirmed_by, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
            on conflict (uid) do update
               set namespace = excluded.namespace, name = excluded.name, render_job = excluded.render_job,
                   platform = excluded.platform, mode = excluded.mode, phase = excluded.phase,
                   external_id = excluded.external_id, url = excluded.url, idea = excluded.idea,
                   published_at = excluded.published_at, confirmed_by = excluded.confirmed_by,
                   updated_at = excluded.updated_at
            """;

    @Inject
    Database database;

    @Inject
    Clock clock;

    public void save(Publication publication) {
        String publishedAt = publication.getStatus().getPublishedAt();
        database.update(
                UPSERT,
                UUID.fromString(publication.getMetadata().getUid()),
                publication.getMetadata().getNamespace(),
                publication.getMetadata().getName(),
                publication.getSpec().getRenderJobRef(),
                publication.getSpec().getPlatform().name(),
                publication.getSpec().getMode().name(),
                publication.getStatus().getPhase().name(),
                publication.getStatus().getExternalId(),
                publication.getStatus().getUrl(),
                publication.getMetadata().getAnnotations() == null
                        ? null
                        : publication.getMetadata().getAnnotations().get(AnimOps.LABEL_IDEA),
                publishedAt == null ? null : OffsetDateTime.parse(publishedAt).toInstant(),
                publication.getStatus().getConfirmedBy(),
                Instant.now(clock));
    }
}
