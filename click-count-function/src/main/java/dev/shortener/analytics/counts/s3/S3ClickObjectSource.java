package dev.shortener.analytics.counts.s3;

import dev.shortener.analytics.Decompression;
import dev.shortener.analytics.counts.ClickObjectSource;
import dev.shortener.analytics.counts.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/** Streams an event object from S3 (never buffering it whole: objects reach tens of MB), decompressed. */
public final class S3ClickObjectSource implements ClickObjectSource {

    private final S3Client s3;

    public S3ClickObjectSource(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public InputStream open(ObjectRef object) throws IOException {
        return Decompression.decompressed(
                s3.getObject(get -> get.bucket(object.bucket()).key(object.key())));
    }
}
