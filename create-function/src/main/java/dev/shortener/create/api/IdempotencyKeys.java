package dev.shortener.create.api;

import java.util.Map;

/**
 * Reads the {@code Idempotency-Key} header. The IETF draft defines it as a Structured Field string
 * ({@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}); the unquoted token most clients send is
 * accepted too. Keys are 1 to 255 printable ASCII characters.
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {}

    /** The key, or null when the header was not sent. */
    static String from(ApiRequest request) {
        String value = request.header(HEADER);
        if (value == null) {
            return null;
        }
        String key = value.strip();
        boolean quoted = key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"");
        if (quoted) {
            key = key.substring(1, key.length() - 1);
        }
        boolean valid = !key.isEmpty()
                && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && (quoted || c != ' '));
        if (!valid) {
            throw new ApiProblem(
                    dev.shortener.http.Problem.of(
                                    Problems.INVALID_IDEMPOTENCY_KEY,
                                    "The "
                                            + HEADER + " header must be 1 to " + MAX_LENGTH
                                            + " printable ASCII characters, ideally a"
                                            + " quoted UUID such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\".")
                            .with("header", HEADER),
                    Map.of());
        }
        return key;
    }
}
