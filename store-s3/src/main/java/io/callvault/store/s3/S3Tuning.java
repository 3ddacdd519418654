package io.callvault.store.s3;

/**
 * Performance knobs of {@link S3BlobStore}. The limits checked here are S3's own (part size 5 MiB to
 * 5 GiB, PutObject at most 5 GiB, at most 1000 keys per listing page), so a value outside them is an
 * error rather than something to clamp.
 *
 * @param multipartThreshold blobs larger than this are uploaded in parts; at most 5 GiB
 * @param partSize           bytes per uploaded part (raised automatically to stay within 10 000 parts);
 *                           one buffer of this size is held per committing sink
 * @param readAheadBytes     bytes fetched per ranged GET when reading; one buffer per open channel
 * @param listPageSize       keys asked for per ListObjectsV2 page
 */
public record S3Tuning(long multipartThreshold, int partSize, int readAheadBytes, int listPageSize) {

    static final int MIB = 1024 * 1024;
    static final long MAX_PUT = 5L * 1024 * MIB;

    /** 16 MiB threshold, 8 MiB parts, 256 KiB read-ahead, 1000 keys per page. */
    public static final S3Tuning DEFAULTS = new S3Tuning(16L * MIB, 8 * MIB, 256 * 1024, 1000);

    public S3Tuning {
        if (multipartThreshold < 1 || multipartThreshold > MAX_PUT) {
            throw new IllegalArgumentException("multipartThreshold must be 1 byte .. 5 GiB, not " + multipartThreshold);
        }
        if (partSize < 5 * MIB) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (S3's minimum), not " + partSize);
        }
        if (readAheadBytes < 4096 || readAheadBytes > 64 * MIB) {
            throw new IllegalArgumentException("readAheadBytes must be 4 KiB .. 64 MiB, not " + readAheadBytes);
        }
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be 1 .. 1000, not " + listPageSize);
        }
    }

    public S3Tuning withMultipart(long threshold, int newPartSize) {
        return new S3Tuning(threshold, newPartSize, readAheadBytes, listPageSize);
    }

    public S3Tuning withReadAheadBytes(int bytes) {
        return new S3Tuning(multipartThreshold, partSize, bytes, listPageSize);
    }

    public S3Tuning withListPageSize(int keys) {
        return new S3Tuning(multipartThreshold, partSize, readAheadBytes, keys);
    }
}
