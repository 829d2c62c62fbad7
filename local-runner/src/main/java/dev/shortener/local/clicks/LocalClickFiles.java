package dev.shortener.local.clicks;

import dev.shortener.analytics.counts.ClickObjectSource;
import dev.shortener.analytics.counts.ObjectRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * The local sink's files as the click-count function's objects: a chunk of complete lines of one file is an
 * "object" whose key is the file's path under the clicks folder and whose ETag is its byte range
 * ({@code <start>-<end>}), so the ledger counts each chunk once as it counts each S3 object once.
 */
final class LocalClickFiles implements ClickObjectSource {

    static final String BUCKET = "local";

    private final Path root;

    LocalClickFiles(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    static ObjectRef chunk(String key, long start, long end) {
        return new ObjectRef(BUCKET, key, start + "-" + end);
    }

    @Override
    public InputStream open(ObjectRef object) throws IOException {
        String[] range = object.etag().split("-", 2);
        long start = Long.parseLong(range[0]);
        long end = Long.parseLong(range[1]);
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end - start));
        try (FileChannel file = FileChannel.open(root.resolve(object.key()), StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (file.read(bytes, start + bytes.position()) < 0) {
                    throw new IOException("the click file " + object.key() + " is shorter than " + end + " bytes");
                }
            }
        }
        return new ByteArrayInputStream(bytes.array());
    }

    /** The local sink writes each click once, synchronously: nothing is ever resent into another file. */
    @Override
    public List<ObjectRef> writtenJustBefore(ObjectRef object) {
        return List.of();
    }
}
