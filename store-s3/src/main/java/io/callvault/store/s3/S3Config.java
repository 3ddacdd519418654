package io.callvault.store.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how {@link S3BlobStore} keeps blobs. {@link #toString()} masks the secret key, so a config
 * can be logged.
 *
 * @param endpoint              the S3 service, e.g. {@code https://s3.eu-central-1.amazonaws.com} or a
 *                              MinIO/Ceph URL; null for AWS's default endpoint of {@code region}
 * @param region                signing region, e.g. {@code eu-central-1} ({@code us-east-1} for most
 *                              S3-compatible servers)
 * @param pathStyle             address buckets as {@code endpoint/bucket} instead of
 *                              {@code bucket.endpoint}; most self-hosted servers need true
 * @param spoolDir              local directory holding blobs being written until they are committed;
 *                              must survive restarts, as crash recovery reads it
 * @param createBucketIfMissing create the bucket at start instead of failing
 */
public record S3Config(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                       boolean pathStyle, Path spoolDir, boolean createBucketIfMissing, S3Tuning tuning) {

    public S3Config {
        if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("S3 endpoint must be an http or https URL, not " + endpoint);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("S3 region is required (us-east-1 for most S3-compatible servers)");
        }
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("S3 bucket name must be 3-63 characters of [a-z0-9.-], not " + bucket);
        }
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("S3 access key and secret key are required");
        }
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(tuning, "tuning");
    }

    /** A config with default tuning that fails at start if the bucket does not exist. */
    public static S3Config of(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                              boolean pathStyle, Path spoolDir) {
        return new S3Config(endpoint, region, bucket, accessKey, secretKey, pathStyle, spoolDir, false,
                S3Tuning.DEFAULTS);
    }

    public S3Config withCreateBucketIfMissing(boolean create) {
        return new S3Config(endpoint, region, bucket, accessKey, secretKey, pathStyle, spoolDir, create, tuning);
    }

    public S3Config withBucket(String newBucket) {
        return new S3Config(endpoint, region, newBucket, accessKey, secretKey, pathStyle, spoolDir,
                createBucketIfMissing, tuning);
    }

    public S3Config withSecretKey(String newSecretKey) {
        return new S3Config(endpoint, region, bucket, accessKey, newSecretKey, pathStyle, spoolDir,
                createBucketIfMissing, tuning);
    }

    public S3Config withTuning(S3Tuning newTuning) {
        return new S3Config(endpoint, region, bucket, accessKey, secretKey, pathStyle, spoolDir,
                createBucketIfMissing, newTuning);
    }

    @Override
    public String toString() {
        return "S3Config[endpoint=" + (endpoint == null ? "(AWS default)" : endpoint) + ", region=" + region
                + ", bucket=" + bucket + ", accessKey=" + accessKey + ", secretKey=****, pathStyle=" + pathStyle
                + ", spoolDir=" + spoolDir + ", createBucketIfMissing=" + createBucketIfMissing
                + ", tuning=" + tuning + "]";
    }
}
