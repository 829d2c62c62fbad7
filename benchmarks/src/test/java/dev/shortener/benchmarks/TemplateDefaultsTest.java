package dev.shortener.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The fleet simulation reads its edge TTL and memory from the template's parameter defaults. */
class TemplateDefaultsTest {

    @Test
    void readsNumericParameterDefaultsFromTheTemplate() throws Exception {
        String template = Files.readString(RunAll.findRoot().resolve("template.yaml"));

        assertEquals(60, RunAll.parameterDefault(template, "EdgeCacheSeconds"));
        assertEquals(1024, RunAll.parameterDefault(template, "RedirectMemorySize"));
    }

    @Test
    void aMissingParameterFailsNamingIt() {
        var e = assertThrows(
                IllegalStateException.class, () -> RunAll.parameterDefault("Parameters:\n  Other:\n", "Missing"));
        assertEquals("no numeric default for Missing in template.yaml", e.getMessage());
    }
}
