package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DynaliteInstallerTest {

  @Test
  void defaultLocation_isKeyedByLockFileHash_underTheCacheDir() {
    Path installDir = DynaliteInstaller.atDefaultLocation().installDir();

    assertTrue(installDir.getFileName().toString().matches("dynalite-[0-9a-f]{12}"), installDir.toString());
    String cacheDir = System.getProperty(DynaliteInstaller.CACHE_DIR_PROPERTY);
    if (cacheDir != null) {
      assertEquals(Path.of(cacheDir).toAbsolutePath(), installDir.getParent());
    }
  }

  @Test
  void install_returnsTheLauncher_withDynaliteInstalledBesideIt() {
    DynaliteInstaller installer = DynaliteInstaller.atDefaultLocation();

    Path script = TestServers.startOrSkip(installer::install);

    assertEquals(installer.installDir().resolve("server.js"), script);
    assertTrue(Files.isRegularFile(script));
    assertTrue(Files.isRegularFile(installer.installDir().resolve("package-lock.json")));
    assertTrue(Files.isDirectory(installer.installDir().resolve("node_modules/dynalite")));
  }
}
