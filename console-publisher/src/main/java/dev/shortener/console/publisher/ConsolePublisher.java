package dev.shortener.console.publisher;

import dev.shortener.console.ConsoleAssets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies the console into a bucket under {@code console/}, each object with the Cache-Control and content type the
 * local runner serves it with ({@link ConsoleAssets}): CloudFront's cache policy honours the object's max-age, so
 * the hashed assets stay a year at the edge and in browsers while {@code index.html} is revalidated.
 *
 * <p>An update leaves the previous build's hashed assets in place: a browser holding the old index.html can still
 * load what it names. Delete removes everything under the prefix, so the stack's bucket can be deleted after it.
 */
public final class ConsolePublisher {

    private final S3Client s3;
    private final ConsoleAssets assets;

    public ConsolePublisher(S3Client s3, ConsoleAssets assets) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.assets = Objects.requireNonNull(assets, "assets");
    }

    /** Writes every file; index.html last, so it never names an asset that isn't there yet. */
    public List<String> publish(String bucket) {
        List<String> order = new ArrayList<>(assets.files());
        order.remove("index.html");
        order.add("index.html");
        List<String> keys = new ArrayList<>();
        for (String name : order) {
            byte[] bytes =
                    assets.read(name).orElseThrow(() -> new IllegalStateException("listed but missing: " + name));
            String key = ConsoleAssets.PREFIX + name;
            s3.putObject(
                    put -> put.bucket(bucket)
                            .key(key)
                            .contentType(ConsoleAssets.contentType(name))
                            .cacheControl(ConsoleAssets.cacheControl(name)),
                    RequestBody.fromBytes(bytes));
            keys.add(key);
        }
        return keys;
    }

    /** Deletes every object under the prefix (this build's and earlier ones'); returns how many. */
    public int remove(String bucket) {
        int removed = 0;
        for (var page : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(ConsoleAssets.PREFIX))) {
            List<ObjectIdentifier> keys = page.contents().stream()
                    .map(S3Object::key)
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(delete -> delete.bucket(bucket)
                        .delete(Delete.builder().objects(keys).quiet(true).build()));
                removed += keys.size();
            }
        }
        return removed;
    }
}
