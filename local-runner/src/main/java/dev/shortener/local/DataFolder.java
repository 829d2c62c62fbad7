package dev.shortener.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data folder: {@code dynamodb/} (dynalite's LevelDB), {@code clicks/} (the click files, in the bucket's
 * layout), {@code secrets.properties} and a marker saying the first API key was made.
 */
public final class DataFolder {

    private static final String FIRST_KEY_MARKER = "first-api-key-created";

    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /**
     * Creates the folder when missing and proves it writable by writing a file in it.
     *
     * @throws RunnerException saying which folder, why, and how to pick another
     */
    public static DataFolder prepare(Path root) {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-check", ".tmp");
            Files.delete(probe);
            return new DataFolder(root);
        } catch (IOException | SecurityException e) {
            throw new RunnerException(
                    "The data folder " + root + " can't be written (" + e
                            + "). Make it writable, or pick another with --data <folder> or "
                            + RunnerSettings.DATA + "=<folder>.",
                    e);
        }
    }

    /** The folder as it is, without creating anything: for commands that only read. */
    public static DataFolder existing(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RunnerException("There is no data folder at " + root + ": start the runner once (serve), or"
                    + " point --data / " + RunnerSettings.DATA + " at the folder it used.");
        }
        return new DataFolder(root);
    }

    public Path root() {
        return root;
    }

    public Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    /** The root under which the click sink writes {@code clicks/dt=.../}. */
    public Path clicksRoot() {
        return root;
    }

    public Path secretsFile() {
        return root.resolve("secrets.properties");
    }

    public boolean firstKeyCreated() {
        return Files.exists(root.resolve(FIRST_KEY_MARKER));
    }

    public void markFirstKeyCreated() {
        try {
            Files.writeString(root.resolve(FIRST_KEY_MARKER), "The first API key was printed once; it is not kept.\n");
        } catch (IOException e) {
            throw new RunnerException("Could not write to the data folder " + root + ": " + e, e);
        }
    }
}
