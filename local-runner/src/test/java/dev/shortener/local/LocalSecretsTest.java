package dev.shortener.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dir;

    @Test
    void firstStart_createsOwnerOnlySecrets_laterStartsReuseThem() throws Exception {
        Path file = DataFolder.prepare(dir.resolve("data")).secretsFile();

        LocalSecrets first = LocalSecrets.loadOrCreate(file);
        LocalSecrets again = LocalSecrets.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, again);
        assertTrue(first.shortCodeSecret().length() >= 32, "SHORTCODE_SECRET needs 32 characters");
        assertNotEquals(first.shortCodeSecret(), first.visitorSecret());
        assertEquals("LocalSecrets[hidden]", first.toString());
    }

    @Test
    void dataFolderThatCannotBeWritten_failsSayingHowToPickAnother() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        RunnerException e = assertThrows(RunnerException.class, () -> DataFolder.prepare(file.resolve("data")));

        assertTrue(e.getMessage().contains("can't be written") && e.getMessage().contains("--data"), e.getMessage());
    }
}
