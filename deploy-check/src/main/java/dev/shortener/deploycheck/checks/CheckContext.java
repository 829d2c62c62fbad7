package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.ManagementClient;
import dev.shortener.deploycheck.http.Reply;
import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks of one run share: what the run was given ({@link CheckSetup}), the links created so far (the clean-up deletes
 * them) and answers made once and read by several checks, plus how many of this run's GETs of each link reached the
 * origin (each of those is a click event; an edge hit is none).
 */
public final class CheckContext {

    public static final String HTML = "text/html";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final CheckSetup setup;
    private final String runId;
    private final LocalDate startDay;
    private final Map<String, CreatedLink> live = new LinkedHashMap<>();
    private final List<CreatedLink> created = new ArrayList<>();
    private final Map<String, AnswerPair> pairs = new HashMap<>();
    private final Map<String, Integer> originGets = new LinkedHashMap<>();
    private CreatedLink primary;
    private CreatedLink gone;
    private String unknownCode;

    public CheckContext(CheckSetup setup) {
        this.setup = setup;
        this.runId = Long.toString(setup.clock().millis(), 36) + code(4);
        this.startDay = LocalDate.ofInstant(setup.clock().instant(), ZoneOffset.UTC);
    }

    /** What the run was given: the target, the clients, the clock. */
    public CheckSetup setup() {
        return setup;
    }

    /** The UTC day the run started: with today's, the Firehose partitions its clicks landed in. */
    public LocalDate startDay() {
        return startDay;
    }

    /** The destination of this run's links: {@code <destination>?deploy-check=<run id>[&n=<n>]}. */
    public String destination(String suffix) {
        String base = setup.destination().toString();
        return base + (base.contains("?") ? "&" : "?") + "deploy-check=" + runId + suffix;
    }

    /** A short link's URL: {@code <short base>/<path>}. */
    public URI shortUrl(String path) {
        return ManagementClient.resolve(setup.target().shortBase(), "/" + path);
    }

    /** The link create-link made, or a skip when there is none. */
    public CreatedLink primaryLink() {
        if (primary == null) {
            throw new SkipException("no link to check: " + CheckName.CREATE_LINK + " did not create one");
        }
        return primary;
    }

    void primary(CreatedLink link) {
        primary = link;
    }

    /** Creates a link; its code is remembered for the clean-up before anything else can fail. */
    Optional<CreatedLink> create(String json, List<String> problems) {
        Reply reply = setup.api().create(json);
        if (reply.status() != 201) {
            problems.add(
                    "POST " + reply.uri().getPath() + " answered " + reply.summary() + ": " + JsonBody.excerpt(reply));
            return Optional.empty();
        }
        Optional<String> code = JsonBody.string(reply, "code");
        if (code.isEmpty() || !code.get().matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add("201 without a usable code: " + JsonBody.excerpt(reply));
            return Optional.empty();
        }
        CreatedLink link = new CreatedLink(
                code.get(),
                JsonBody.string(reply, "shortUrl").orElse(""),
                JsonBody.string(reply, "url").orElse(""));
        created.add(link);
        live.put(link.code(), link);
        return Optional.of(link);
    }

    /** A link created and deleted at once, for the 410 checks; made on first use. */
    public CreatedLink goneLink() {
        if (gone == null) {
            List<String> problems = new ArrayList<>();
            CreatedLink link = create("{\"url\":\"" + destination("&n=gone") + "\"}", problems)
                    .orElseThrow(() -> new SkipException("no deleted link to check: " + String.join("; ", problems)));
            Reply deleted = setup.api().delete(link.code());
            if (deleted.status() != 204) {
                throw new SkipException("no deleted link to check: DELETE answered " + deleted.summary());
            }
            live.remove(link.code());
            gone = link;
        }
        return gone;
    }

    /** A well-formed code that no link has (7 random Base62 characters), the same for the whole run. */
    public String unknownCode() {
        if (unknownCode == null) {
            unknownCode = code(7);
        }
        return unknownCode;
    }

    /**
     * GET of a short-link path twice in a row with this Accept, once per run: several checks read the same pair.
     */
    public AnswerPair twice(String path, String accept) {
        return pairs.computeIfAbsent(path + " " + accept, key -> {
            Reply first = get(path, accept);
            Reply second = get(path, accept);
            return new AnswerPair(first, second);
        });
    }

    /** GET of a short-link path, counted as a click of the link when it reached the origin and redirected. */
    public Reply get(String path, String accept) {
        Reply reply = setup.http().get(shortUrl(path), accept);
        countClick(path, reply);
        return reply;
    }

    /** Counts a GET that some origin answered with a redirect: the redirect function recorded a click for it. */
    public void countClick(String code, Reply reply) {
        if (reply.status() == 302 && !reply.edge().hit() && live.containsKey(code)) {
            originGets.merge(code, 1, Integer::sum);
        }
    }

    /** This run's GETs of each live link that reached the origin. */
    public Map<String, Integer> originGets() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String code : live.keySet()) {
            counts.put(code, originGets.getOrDefault(code, 0));
        }
        return counts;
    }

    /** The links created and not deleted yet: what the clean-up deletes. */
    public List<CreatedLink> liveLinks() {
        return List.copyOf(live.values());
    }

    void deleted(String code) {
        live.remove(code);
    }

    public List<CreatedLink> createdLinks() {
        return List.copyOf(created);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return code.toString();
    }
}
