package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Publication;
import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Publications in PostgreSQL. */
@ApplicationScoped
public class PublicationRepository {
    @Inject
    Database database;
    @Inject
    Clock clock;

    public void save(Publication publication) {
        UUID uid = UUID.fromString(publication.getMetadata().getUid());
        Instant now = Instant.now(clock);
        database.inTransaction(s -> s.find(PublicationRecord.class, uid).chain(found -> {
            PublicationRecord r = Objects.requireNonNullElseGet(found, PublicationRecord::new);
            r.uid = uid;
            r.namespace = publication.getMetadata().getNamespace();
            r.name = publication.getMetadata().getName();
            r.renderJob = publication.getSpec().getRenderJobRef();
            r.platform = publication.getSpec().getPlatform().name();
            r.mode = publication.getSpec().getMode().name();
            r.phase = publication.getStatus().getPhase().name();
            r.externalId = publication.getStatus().getExternalId();
            r.url = publication.getStatus().getUrl();
            if (r.createdAt == null) {
                r.createdAt = now;
            }
            r.updatedAt = now;
            return s.merge(r);
        }));
    }
}
