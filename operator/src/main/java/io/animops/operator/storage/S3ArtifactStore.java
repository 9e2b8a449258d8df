package io.animops.operator.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Objects in a bucket of an S3-compatible store, through the MinIO client; links are S3 presigned URLs (SigV4). */
public class S3ArtifactStore implements ArtifactStore {
    /** The longest validity SigV4 allows for a presigned URL. */
    static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final MinioClient client;
    private final String bucket;
    private final String endpoint;

    public S3ArtifactStore(MinioClient client, String endpoint, String bucket) {
        this.client = client;
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new StorageException(
                    "could not check or create bucket " + bucket + " at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public URI presignPut(String key, String contentType, Instant expiresAt) {
        return presign(Method.PUT, key, expiresAt);
    }

    @Override
    public URI presignGet(String key, Instant expiresAt) {
        return presign(Method.GET, key, expiresAt);
    }

    private URI presign(Method method, String key, Instant expiresAt) {
        long seconds = Duration.between(Instant.now(), expiresAt).toSeconds();
        if (seconds < 1 || seconds > MAX_PRESIGN.toSeconds()) {
            throw new IllegalArgumentException(
                    "expiresAt: " + expiresAt + " must lie between 1 s and 7 days ahead (S3 presigned URLs)");
        }
        try {
            return URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(method)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) seconds, TimeUnit.SECONDS)
                    .build()));
        } catch (Exception e) {
            throw new StorageException(
                    "could not presign " + method + " of " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())
                    || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw new StorageException("could not look up " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StorageException("could not look up " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        // S3 deletes answer 204 whether or not the object was there: look first, to report what was removed
        boolean existed = exists(key);
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return existed;
        } catch (Exception e) {
            throw new StorageException("could not delete " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3:" + endpoint + "/" + bucket;
    }
}
