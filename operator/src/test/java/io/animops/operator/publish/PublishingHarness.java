package io.animops.operator.publish;

import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Privacy;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.operator.testing.FakeTikTok;
import io.animops.operator.testing.FakeYouTube;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Publishing wired against the stand-in platforms and a Kubernetes mock, with a clock tests move. */
final class PublishingHarness {
    static final String NAMESPACE = "studio";
    static final String CLIENT_SECRET = "client-secret-value";

    /** A clock a test sets. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            TestClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A video in memory. */
    record Bytes(byte[] video, byte[] thumbnail, Double durationSeconds) implements MediaSource {
        static Bytes random(int size) {
            byte[] video = new byte[size];
            new Random(size).nextBytes(video);
            return new Bytes(video, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, 20.0);
        }

        @Override
        public long size() {
            return video.length;
        }

        @Override
        public String contentType() {
            return "video/mp4";
        }

        @Override
        public InputStream open(long offset) {
            return new ByteArrayInputStream(video, (int) offset, video.length - (int) offset);
        }
    }

    final KubernetesClient client;
    final TestClock clock;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PublishingProducer.Publishing publishing;

    PublishingHarness(
            KubernetesClient client,
            TestClock clock,
            FakeYouTube youTube,
            FakeTikTok tikTok,
            Map<String, String> extra) {
        this(client, clock, youTube, tikTok, extra, QuotaLedger.inMemory());
    }

    PublishingHarness(
            KubernetesClient client,
            TestClock clock,
            FakeYouTube youTube,
            FakeTikTok tikTok,
            Map<String, String> extra,
            QuotaLedger ledger) {
        this.client = client;
        this.clock = clock;
        Map<String, String> settings = new HashMap<>();
        settings.put("animops.publish.youtube.token-url", youTube.baseUrl() + "/token");
        settings.put("animops.publish.youtube.api-url", youTube.baseUrl());
        settings.put("animops.publish.youtube.analytics-url", youTube.baseUrl());
        settings.put("animops.publish.youtube.chunk-bytes", Integer.toString(256 * 1024));
        settings.put("animops.publish.youtube.processing-recheck", "1s");
        if (tikTok != null) {
            settings.put("animops.publish.tiktok.token-url", tikTok.baseUrl() + "/v2/oauth/token/");
            settings.put("animops.publish.tiktok.api-url", tikTok.baseUrl());
        }
        settings.put("animops.publish.retry.initial-backoff", "1ms");
        settings.put("animops.publish.retry.max-backoff", "2ms");
        settings.putAll(extra);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(PublishConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        this.publishing = PublishingProducer.Publishing.of(
                config.getConfigMapping(PublishConfig.class),
                client,
                registry,
                clock,
                d -> {},
                ledger,
                MetadataAuthor.TEMPLATE);
    }

    static Secret accountSecret(String name, String clientId, String refreshToken) {
        return new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .build())
                .addToData(PlatformAccount.CLIENT_ID, AccountSecrets.encode(clientId))
                .addToData(PlatformAccount.CLIENT_SECRET, AccountSecrets.encode(CLIENT_SECRET))
                .addToData(PlatformAccount.REFRESH_TOKEN, AccountSecrets.encode(refreshToken))
                .build();
    }

    String storedRefreshToken(String secret) {
        return AccountSecrets.decode(
                        client.secrets().inNamespace(NAMESPACE).withName(secret).get())
                .get(PlatformAccount.REFRESH_TOKEN);
    }

    Publication create(String name, Platform platform, String secret) {
        Publication publication = new Publication();
        publication.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        PublicationSpec spec = new PublicationSpec();
        spec.setRenderJobRef(name + "-final");
        spec.setPlatform(platform);
        spec.setAccountSecretRef(secret == null ? null : new SecretKeyRef(secret, null));
        spec.setTitle("Marble run falls apart in slow motion");
        spec.setDescription("Forty marbles race down a ramp that breaks.");
        spec.getTags().add("physics");
        spec.getTags().add("marble run");
        spec.setPrivacy(Privacy.Public);
        publication.setSpec(spec);
        return client.resource(publication).create();
    }

    Publication read(String name) {
        return client.resources(Publication.class)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    /** One reconciliation as the reconciler makes it (past the render and QC gates), status stored as it goes. */
    Duration advance(Publication publication, MediaSource media) {
        PublicationRun run = new PublicationRun(publication, clock, p -> PublicationReconciler.writeStatus(client, p));
        Duration next = publishing.service().advance(run, () -> media);
        PublicationReconciler.writeStatus(client, publication);
        return next;
    }

    /** Advances, re-reading the resource each time like a reconciler, until the phase is terminal or tries run out. */
    Publication advanceUntilDone(String name, MediaSource media, int tries) {
        Publication publication = read(name);
        for (int i = 0; i < tries; i++) {
            Duration next = advance(publication, media);
            publication = read(name);
            if (next == null) {
                return publication;
            }
        }
        return publication;
    }
}
