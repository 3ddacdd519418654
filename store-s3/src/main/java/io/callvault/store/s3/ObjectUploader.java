package io.callvault.store.s3;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a closed spool file as one object: PutObject up to the multipart threshold, a multipart upload
 * above it. Both become visible only when complete, which is what makes commit atomic. A failed
 * multipart upload is aborted so its parts do not linger (and cost) in the bucket.
 */
final class ObjectUploader {

    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final S3Tuning tuning;

    ObjectUploader(S3Client client, String bucket, S3Tuning tuning) {
        this.client = client;
        this.bucket = bucket;
        this.tuning = tuning;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException from S3; IOException from the file */
    void upload(String key, Path file, long size) throws IOException {
        if (size <= tuning.multipartThreshold()) {
            client.putObject(b -> b.bucket(bucket).key(key).contentLength(size).contentType(CONTENT_TYPE),
                    RequestBody.fromFile(file));
        } else {
            uploadInParts(key, file, size);
        }
    }

    private void uploadInParts(String key, Path file, long size) throws IOException {
        int partSize = (int) Math.max(tuning.partSize(), Math.ceilDiv(size, MAX_PARTS));
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
                .uploadId();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            // One buffer, reused for every part: the SDK may re-read a part on retry, so each part is
            // served from memory rather than from a stream it cannot rewind.
            byte[] buffer = new byte[partSize];
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int length = (int) Math.min(partSize, size - offset);
                readFully(in, ByteBuffer.wrap(buffer, 0, length), offset);
                int partNumber = parts.size() + 1;
                String eTag = client.uploadPart(
                        b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                                .contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                                CONTENT_TYPE))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private static void readFully(FileChannel in, ByteBuffer dst, long position) throws IOException {
        while (dst.hasRemaining()) {
            int n = in.read(dst, position);
            if (n < 0) {
                throw new EOFException("spool file ended at " + position + " bytes, before its recorded size");
            }
            position += n;
        }
    }
}
