package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint, where it is installed (it is on this project's machines; `pip install cfn-lint` elsewhere): it runs
 * SAM's own transform and hundreds of rules, circular dependencies included. The other tests stand without it.
 */
class CfnLintTest {

    @Test
    void cfnLintFindsNothing() throws Exception {
        Path log = Files.createTempFile("cfn-lint-", ".log");
        Process process;
        try {
            process = new ProcessBuilder("cfn-lint", "--", "template.yaml")
                    .directory(Repository.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (java.io.IOException e) {
            Files.deleteIfExists(log);
            Assumptions.abort("cfn-lint is not installed (pip install cfn-lint): " + e.getMessage());
            return;
        }
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assumptions.abort("cfn-lint took more than 5 minutes");
            }
            String output = Files.readString(log);
            Assumptions.assumeFalse(
                    process.exitValue() == 127 || output.contains("command not found"),
                    "cfn-lint is not runnable here: " + output.strip());
            System.out.println(
                    "cfn-lint exit " + process.exitValue() + (output.isBlank() ? ", no findings" : ":\n" + output));
            assertEquals(0, process.exitValue(), "cfn-lint template.yaml:\n" + output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
