package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Publication;
import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/** Publications in PostgreSQL. */
@ApplicationScoped
public class PublicationRepository {
    @Inject
    Database database;

    @Inject
    Clock clock;

    public void save(Publication publication) {
        database.upsert(
                PublicationRecord.class,
                UUID.fromString(publication.getMetadata().getUid()),
                PublicationRecord::new,
                r -> {
                    r.namespace = publication.getMetadata().getNamespace();
                    r.name = publication.getMetadata().getName();
                    r.renderJob = publication.getSpec().getRenderJobRef();
                    r.platform = publication.getSpec().getPlatform().name();
                    r.mode = publication.getSpec().getMode().name();
                    r.phase = publication.getStatus().getPhase().name();
                    r.externalId = publication.getStatus().getExternalId();
                    r.url = publication.getStatus().getUrl();
                    r.idea = publication.getMetadata().getAnnotations() == null
                            ? null
                            : publication.getMetadata().getAnnotations().get(io.animops.crds.AnimOps.LABEL_IDEA);
                    r.publishedAt = publication.getStatus().getPublishedAt() == null
                            ? null
                            : java.time.OffsetDateTime.parse(
                                            publication.getStatus().getPublishedAt())
                                    .toInstant();
                    r.confirmedBy = publication.getStatus().getConfirmedBy();
                },
                clock);
    }
}
