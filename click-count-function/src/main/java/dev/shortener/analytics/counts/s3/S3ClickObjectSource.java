package dev.shortener.analytics.counts.s3;

import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.Decompression;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ClickObjectSource;
import dev.shortener.analytics.counts.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Streams event objects from S3 (never buffering one whole: objects reach tens of MB), decompressed. */
public final class S3ClickObjectSource implements ClickObjectSource {

    /**
     * Firehose names objects {@code <prefix><stream>-<version>-yyyy-MM-dd-HH-mm-ss-<random>}: within one stream
     * version, key order is time order, so the objects just before one are a listing that starts after the name
     * the window's start would have.
     */
    private static final Pattern FIREHOSE_NAME =
            Pattern.compile("^(.*/)([^/]+-)(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})-[^/]+$");

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    private final S3Client s3;

    public S3ClickObjectSource(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public InputStream open(ObjectRef object) throws IOException {
        return Decompression.decompressed(
                s3.getObject(get -> get.bucket(object.bucket()).key(object.key())));
    }

    @Override
    public List<ObjectRef> writtenJustBefore(ObjectRef object) {
        Matcher name = FIREHOSE_NAME.matcher(object.key());
        if (!name.matches()) {
            return List.of();
        }
        LocalDateTime written;
        try {
            written = LocalDateTime.parse(name.group(3), NAME_TIME);
        } catch (DateTimeParseException e) {
            return List.of();
        }
        LocalDateTime windowStart = written.minus(ClickCountService.RESEND_WINDOW);
        List<String> folders = new ArrayList<>();
        if (!windowStart.toLocalDate().equals(written.toLocalDate())
                && name.group(1).equals(ClickLayout.partitionPrefix(written.toLocalDate()))) {
            folders.add(ClickLayout.partitionPrefix(windowStart.toLocalDate())); // the window starts yesterday
        }
        folders.add(name.group(1));
        List<ObjectRef> earlier = new ArrayList<>();
        for (String folder : folders) {
            String prefix = folder + name.group(2);
            String startAfter = prefix + windowStart.format(NAME_TIME);
            String token = null;
            boolean past = false;
            do {
                String continuation = token;
                var page = s3.listObjectsV2(list -> list.bucket(object.bucket())
                        .prefix(prefix)
                        .startAfter(startAfter)
                        .continuationToken(continuation));
                for (S3Object listed : page.contents()) {
                    if (listed.key().compareTo(object.key()) >= 0) {
                        past = true;
                        break;
                    }
                    earlier.add(new ObjectRef(object.bucket(), listed.key(), listed.eTag()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && !past);
        }
        return earlier;
    }
}
