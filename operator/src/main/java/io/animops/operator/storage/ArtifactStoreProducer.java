package io.animops.operator.storage;

import io.animops.operator.config.AnimOpsConfig;
import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/** Builds the store chosen by {@code animops.storage.type}. */
@ApplicationScoped
public class ArtifactStoreProducer {
    private static final Logger LOG = Logger.getLogger(ArtifactStoreProducer.class);

    // a singleton, not a proxied scope: the signed-link endpoints need the local store's own type behind the interface
    @Produces
    @Singleton
    ArtifactStore artifactStore(AnimOpsConfig config) {
        AnimOpsConfig.Storage storage = config.storage();
        ArtifactStore store = switch (storage.type()) {
            case local -> local(storage);
            case s3 -> s3(storage.s3());
        };
        LOG.infof("artifact store: %s", store.describe());
        return store;
    }

    private static LocalArtifactStore local(AnimOpsConfig.Storage storage) {
        Path dir = Path.of(storage.local().dir());
        return new LocalArtifactStore(
                dir, new UrlSigner(SigningKey.resolve(storage.signingKey(), dir)), storage.publicUrl());
    }

    private static S3ArtifactStore s3(AnimOpsConfig.Storage.S3 s3) {
        String endpoint = s3.endpoint()
                .filter(e -> !e.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException(
                                "animops.storage.s3.endpoint (ANIMOPS_STORAGE_S3_ENDPOINT) is required when animops.storage.type is s3"));
        String accessKey = s3.accessKey()
                .filter(k -> !k.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException(
                                "animops.storage.s3.access-key (ANIMOPS_STORAGE_S3_ACCESS_KEY) is required when animops.storage.type is s3"));
        String secretKey = s3.secretKey()
                .filter(k -> !k.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException(
                                "animops.storage.s3.secret-key (ANIMOPS_STORAGE_S3_SECRET_KEY) is required when animops.storage.type is s3"));
        S3ArtifactStore store = new S3ArtifactStore(
                MinioClient.builder()
                        .endpoint(endpoint)
                        .region(s3.region())
                        .credentials(accessKey, secretKey)
                        .build(),
                endpoint,
                s3.bucket());
        if (s3.createBucket()) {
            store.ensureBucket();
        }
        return store;
    }
}
