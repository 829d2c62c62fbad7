package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** samconfig.toml: what `sam deploy` needs the first time, and nothing that belongs to one account. */
class SamConfigTest {

    private static final Pattern SECTION = Pattern.compile("^\\[([^]]+)]\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z0-9_]+)\\s*=\\s*(.+?)\\s*$");

    @Test
    void deployNeedsNoAccountSpecificSetting() throws IOException {
        Map<String, String> config = read();
        String deploy = "default.deploy.parameters.";
        assertEquals("true", config.get(deploy + "resolve_s3"), "SAM creates and finds its own artifact bucket");
        assertEquals("true", config.get(deploy + "confirm_changeset"), "deployers see the change set before it runs");
        assertTrue(
                config.getOrDefault(deploy + "capabilities", "").contains("CAPABILITY_IAM"),
                "the template creates IAM roles (SAM's function roles, Firehose's)");
        assertFalse(
                config.getOrDefault("default.global.parameters.stack_name", "").isBlank(), "a default stack name");
        for (String key : List.of("s3_bucket", "region", "profile", "image_repository", "role_arn")) {
            config.keySet().forEach(k -> assertFalse(k.endsWith("." + key), k + " is account-specific"));
        }
        String text = Files.readString(Repository.file("samconfig.toml"));
        assertFalse(Pattern.compile("\\b\\d{12}\\b").matcher(text).find(), "an account id in samconfig.toml");
        assertFalse(text.contains("arn:aws"), "an ARN in samconfig.toml");
    }

    /** Any parameter override names a template parameter (a renamed parameter would be ignored silently). */
    @Test
    void parameterOverridesNameTemplateParameters() throws IOException {
        Set<String> parameters = Template.load().names("Parameters");
        for (Map.Entry<String, String> entry : read().entrySet()) {
            if (entry.getKey().endsWith(".parameter_overrides")) {
                Matcher m = Pattern.compile("([A-Za-z0-9]+)=").matcher(entry.getValue());
                while (m.find()) {
                    assertTrue(
                            parameters.contains(m.group(1)),
                            "samconfig.toml overrides unknown parameter " + m.group(1));
                }
            }
        }
    }

    /** section.key -> value (quotes removed): enough TOML for this file's flat tables. */
    private static Map<String, String> read() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(Repository.file("samconfig.toml"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher s = SECTION.matcher(line);
            Matcher e = ENTRY.matcher(line);
            if (s.matches()) {
                section = s.group(1) + ".";
            } else if (e.matches()) {
                String value = e.group(2);
                entries.put(
                        section + e.group(1),
                        value.startsWith("\"") && value.endsWith("\"")
                                ? value.substring(1, value.length() - 1)
                                : value);
            } else {
                throw new AssertionError("samconfig.toml: can't read line '" + raw + "'");
            }
        }
        return entries;
    }
}
