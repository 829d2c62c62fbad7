package dev.shortener.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The secrets a local installation needs, made on first start and kept in the data folder (owner-only, 0600) so
 * that later starts decode the same codes and derive the same visitor ids. Only for this machine: never copy them
 * to a deployment.
 *
 * @param shortCodeSecret the Feistel key (SHORTCODE_SECRET)
 * @param visitorSecret   the visitor-id key (CLICK_VISITOR_SECRET)
 */
public record LocalSecrets(String shortCodeSecret, String visitorSecret) {

    private static final String SHORTCODE = "shortcode_secret";
    private static final String VISITOR = "click_visitor_secret";

    /** Reads the file, or creates it with fresh random secrets when it does not exist yet. */
    public static LocalSecrets loadOrCreate(Path file) {
        return Files.exists(file) ? load(file) : create(file);
    }

    public static LocalSecrets load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new RunnerException("Could not read the local secrets in " + file + ": " + e, e);
        }
        String shortCode = properties.getProperty(SHORTCODE);
        String visitor = properties.getProperty(VISITOR);
        if (shortCode == null || visitor == null) {
            throw new RunnerException(file + " lacks " + (shortCode == null ? SHORTCODE : VISITOR)
                    + ". Restore it, or start with an empty data folder (the links in this one can't be inspected"
                    + " without it).");
        }
        return new LocalSecrets(shortCode, visitor);
    }

    private static LocalSecrets create(Path file) {
        SecureRandom random = new SecureRandom();
        LocalSecrets secrets = new LocalSecrets(randomSecret(random), randomSecret(random));
        Properties properties = new Properties();
        properties.setProperty(SHORTCODE, secrets.shortCodeSecret);
        properties.setProperty(VISITOR, secrets.visitorSecret);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(
                        out,
                        "Local runner secrets: SHORTCODE_SECRET and CLICK_VISITOR_SECRET of this data"
                                + " folder only");
            }
        } catch (IOException e) {
            throw new RunnerException("Could not write the local secrets to " + file + ": " + e, e);
        }
        return secrets;
    }

    /** 32 random bytes, base64url: 43 characters, above the 32 that SHORTCODE_SECRET needs. */
    private static String randomSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "LocalSecrets[hidden]";
    }
}
