package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodePackageInstallerTest {

    @Test
    void defaultLocation_isKeyedByNameAndLockFileHash_underTheCacheDir() {
        Path dynalite = NodePackageInstaller.dynalite().installDir();
        Path s3rver = NodePackageInstaller.s3rver().installDir();

        assertTrue(dynalite.getFileName().toString().matches("dynalite-[0-9a-f]{12}"), dynalite.toString());
        assertTrue(s3rver.getFileName().toString().matches("s3rver-[0-9a-f]{12}"), s3rver.toString());
        String cacheDir = System.getProperty(NodePackageInstaller.CACHE_DIR_PROPERTY);
        if (cacheDir != null) {
            assertEquals(Path.of(cacheDir).toAbsolutePath(), dynalite.getParent());
            assertEquals(Path.of(cacheDir).toAbsolutePath(), s3rver.getParent());
        }
    }

    @Test
    void install_returnsTheLauncher_withThePackageInstalledBesideIt() {
        for (NodePackageInstaller installer :
                new NodePackageInstaller[] {NodePackageInstaller.dynalite(), NodePackageInstaller.s3rver()}) {
            Path script = TestServers.startOrSkip(installer::install);

            assertEquals(installer.installDir().resolve("server.js"), script);
            assertTrue(Files.isRegularFile(script));
            assertTrue(
                    Files.isRegularFile(installer.installDir().resolve("launcher.js")), "the shared launcher module");
            assertTrue(Files.isRegularFile(installer.installDir().resolve("package-lock.json")));
            String name = installer.installDir().getFileName().toString().replaceFirst("-[0-9a-f]+$", "");
            assertTrue(Files.isDirectory(installer.installDir().resolve("node_modules/" + name)), name);
        }
    }
}
