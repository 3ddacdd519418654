package io.callvault.store.s3;

import io.callvault.vault.spi.BlobNotFoundException;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.BlobStore;
import io.callvault.vault.spi.BlobStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in an S3 bucket (AWS, MinIO, Ceph, s3proxy…), one object per blob, the blob key as
 * object key. S3 cannot append and hides unfinished multipart uploads, so a pending blob lives in a local
 * spool file ({@link SpoolArea}, under {@code spoolDir/<bucket>}) until commit uploads it in one piece
 * and removes it; crash recovery reads the spool. Reads are ranged GETs ({@link RangedReadChannel}).
 *
 * <p>Thread-safe: the SDK client is, and all other state is in the spool directory. Never logs the
 * secret key.
 */
public final class S3BlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Config config;
    private final S3Client client;
    private final SpoolArea spool;
    private final ObjectUploader uploader;

    /**
     * Connects to the bucket (creating it if missing and allowed) and opens the spool directory.
     *
     * @throws BlobStoreException saying what to fix when the bucket or the spool directory is unusable
     */
    public static S3BlobStore connect(S3Config config) throws BlobStoreException {
        S3Client client = newClient(config, List.of());
        try {
            return new S3BlobStore(config, client);
        } catch (BlobStoreException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Takes ownership of {@code client}, which must point at {@code config}'s endpoint. */
    S3BlobStore(S3Config config, S3Client client) throws BlobStoreException {
        this.config = config;
        this.client = client;
        Path spoolDir = config.spoolDir().resolve(config.bucket());
        try {
            this.spool = new SpoolArea(spoolDir);
        } catch (IOException e) {
            throw spoolFailure("cannot create the spool directory", spoolDir, e);
        }
        this.uploader = new ObjectUploader(client, config.bucket(), config.tuning());
        ensureBucket();
    }

    /** An SDK client for {@code config}; tests add interceptors to see the HTTP requests. */
    static S3Client newClient(S3Config config, List<ExecutionInterceptor> interceptors) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                .forcePathStyle(config.pathStyle())
                // Flexible checksums (aws-chunked bodies with trailers) are not supported by most
                // S3-compatible servers (s3proxy answers 501). Blobs are AEAD ciphertext, verified on every
                // read by the vault, and travel over TLS, so checksums are sent only where S3 requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    private void ensureBucket() throws BlobStoreException {
        try {
            client.headBucket(b -> b.bucket(config.bucket()));
            return;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("cannot use the bucket", e);
            }
        } catch (SdkException e) {
            throw failure("cannot use the bucket", e);
        }
        if (!config.createBucketIfMissing()) {
            throw new BlobStoreException(describe() + ": the bucket does not exist; create it, or set "
                    + "createBucketIfMissing to let callvault create it");
        }
        try {
            client.createBucket(b -> {
                b.bucket(config.bucket());
                // us-east-1 is the one region S3 refuses as an explicit location constraint.
                if (!"us-east-1".equals(config.region())) {
                    b.createBucketConfiguration(c -> c.locationConstraint(config.region()));
                }
            });
            LOG.info("created bucket {} at {}", config.bucket(), endpointText());
        } catch (BucketAlreadyOwnedByYouException raced) {
            LOG.debug("bucket {} was created concurrently", config.bucket());
        } catch (SdkException e) {
            throw failure("cannot create the missing bucket", e);
        }
    }

    @Override
    public BlobSink create(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        Path file;
        FileChannel channel;
        try {
            file = spool.newFileFor(key);
            channel = SpoolArea.createNew(file);
        } catch (IOException e) {
            throw spoolFailure("cannot create a spool file for blob " + key, spool.dir(), e);
        }
        try {
            spool.deleteAllOf(key, file);
        } catch (IOException e) {
            try (channel) {
                Files.deleteIfExists(file);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw spoolFailure("cannot replace the earlier spool file of blob " + key, file, e);
        }
        return new S3Sink(this, key, file, channel);
    }

    @Override
    public SeekableByteChannel open(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        HeadObjectResponse head;
        try {
            head = client.headObject(b -> b.bucket(config.bucket()).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new BlobNotFoundException(describe() + ": no committed blob under key " + key);
            }
            throw failure("cannot open blob " + key, e);
        } catch (SdkException e) {
            throw failure("cannot open blob " + key, e);
        }
        return new RangedReadChannel(this, key, head.contentLength(), head.eTag(), config.tuning().readAheadBytes());
    }

    @Override
    public void delete(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        try {
            spool.deleteAllOf(key, null);
        } catch (IOException e) {
            throw spoolFailure("cannot delete the spool file of blob " + key, spool.dir(), e);
        }
        try {
            client.deleteObject(b -> b.bucket(config.bucket()).key(key));
        } catch (S3Exception e) {
            // S3 answers 204 for a missing key; some compatible servers answer 404.
            if (e.statusCode() != 404 || "NoSuchBucket".equals(errorCode(e))) {
                throw failure("cannot delete blob " + key, e);
            }
        } catch (SdkException e) {
            throw failure("cannot delete blob " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws BlobStoreException {
        if (prefix == null || !prefix.matches("[a-z0-9._/-]*") || prefix.contains("..")) {
            throw new IllegalArgumentException("bad blob key prefix (lower-case [a-z0-9._-] and '/'): " + prefix);
        }
        try {
            // The paginator follows continuation tokens; objects that are not blob keys are skipped.
            return client.listObjectsV2Paginator(b -> b.bucket(config.bucket())
                            .prefix(prefix.isEmpty() ? null : prefix)
                            .maxKeys(config.tuning().listPageSize()))
                    .contents().stream()
                    .map(S3Object::key)
                    .filter(SpoolArea::isKey)
                    .toList();
        } catch (SdkException e) {
            throw failure("cannot list blobs with prefix '" + prefix + "'", e);
        }
    }

    @Override
    public List<String> pendingKeys() throws BlobStoreException {
        try {
            return spool.keys();
        } catch (IOException e) {
            throw spoolFailure("cannot list pending blobs", spool.dir(), e);
        }
    }

    @Override
    public SeekableByteChannel openPending(String key) throws BlobStoreException {
        BlobStore.checkKey(key);
        Path file = spool.dir();
        try {
            file = spool.newestOf(key).orElse(null);
            if (file != null) {
                return FileChannel.open(file, StandardOpenOption.READ);
            }
        } catch (NoSuchFileException aborted) {
            file = null;
        } catch (IOException e) {
            throw spoolFailure("cannot open pending blob " + key, file, e);
        }
        throw new BlobNotFoundException(describe() + ": no pending blob under key " + key);
    }

    @Override
    public String describe() {
        return "S3 bucket " + config.bucket() + " at " + endpointText();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Uploads a closed, fsynced spool file as the committed blob, then removes the spool file. */
    void publish(String key, Path file) throws BlobStoreException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BlobStoreException(describe() + ": pending blob " + key + " (" + file
                    + ") was deleted or replaced by a newer writer; nothing was committed");
        } catch (IOException e) {
            throw spoolFailure("cannot commit blob " + key, file, e);
        }
        try {
            uploader.upload(key, file, size);
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot upload blob " + key + " (" + size + " bytes from " + file
                    + "); it stays pending", e);
        } catch (IOException e) {
            throw spoolFailure("cannot upload blob " + key + "; it stays pending", file, e);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw spoolFailure("blob " + key + " was uploaded, but its spool file could not be removed;"
                    + " delete the file", file, e);
        }
    }

    S3Client client() {
        return client;
    }

    String bucket() {
        return config.bucket();
    }

    /** An S3 or network failure, explained with what to check. */
    BlobStoreException failure(String what, RuntimeException e) {
        String reason = switch (e) {
            case S3Exception s when s.statusCode() == 403 -> "access denied (" + errorCode(s)
                    + "); check that access key " + config.accessKey() + " and its secret are valid and may use"
                    + " this bucket";
            case S3Exception s when "NoSuchBucket".equals(errorCode(s)) -> "the bucket does not exist;"
                    + " create it, or set createBucketIfMissing";
            case S3Exception s -> "HTTP " + s.statusCode() + " " + errorCode(s) + ": " + s.getMessage();
            case SdkClientException c -> "cannot reach the service (" + c.getMessage()
                    + "); check the endpoint URL, the network and that the service is running";
            default -> e.toString();
        };
        return new BlobStoreException(describe() + ": " + what + ": " + reason, e);
    }

    /** A failure of the local spool directory, naming the path. */
    BlobStoreException spoolFailure(String what, Path path, IOException e) {
        String reason = e instanceof AccessDeniedException denied
                ? "permission denied on " + denied.getFile() + "; create it (or its parent) owned by user "
                        + System.getProperty("user.name") + " with mode 700"
                : e.toString();
        return new BlobStoreException(describe() + ": " + what + " at " + path + ": " + reason, e);
    }

    private String endpointText() {
        return config.endpoint() == null ? "AWS " + config.region() : config.endpoint().toString();
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
