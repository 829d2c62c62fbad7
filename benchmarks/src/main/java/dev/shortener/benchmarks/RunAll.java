package dev.shortener.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.benchmarks.fleet.FleetResult;
import dev.shortener.benchmarks.fleet.FleetStudy;
import dev.shortener.benchmarks.fleet.QuantileDistribution;
import dev.shortener.benchmarks.fleet.TrafficDay;
import dev.shortener.benchmarks.jmh.ClickEventBench;
import dev.shortener.benchmarks.jmh.MintBench;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.DynaliteProcess;
import dev.shortener.localservers.NodePackageInstaller;
import dev.shortener.localservers.RedisProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one benchmark command: starts its own dynalite and redis-server, runs every benchmark with bounded
 * durations, and writes docs/benchmarks.md. Run from the repository root (or any folder below it):
 * {@code java -jar benchmarks/target/benchmarks.jar}. Option: {@code --cold-runs N} (default 9).
 */
public final class RunAll {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String COMMAND =
            "./mvnw -q -pl benchmarks -am clean package -DskipTests && java -jar benchmarks/target/benchmarks.jar";
    static final String APACHE_SERVICE = "software.amazon.awssdk.http.apache.ApacheSdkHttpService";
    static final long MIB = 1024 * 1024;

    final Path root;
    final String lambdaFlags;
    final String java;
    final Map<String, Object> machine = new LinkedHashMap<>();
    List<ArtifactSizes.Jar> jars;
    Map<String, Map<String, Object>> inProcess;
    Map<String, Object> inProcessScalars = new HashMap<>();
    /** The management API's listing and bulk figures ({@code ManagementBench}). */
    Map<String, Object> management;
    /** The analytics figures (AnalyticsBench's JSON), or null when not run. */
    Map<String, Object> analytics;

    final Map<String, List<double[]>> cold = new LinkedHashMap<>();
    Map<String, Long> coldClassLoads;
    int coldClassTotal;
    final Map<String, Double> jmhDefault = new LinkedHashMap<>();
    final Map<String, Double> jmhLambda = new LinkedHashMap<>();
    final Instant started = Instant.now();
    Path lambdaJar;
    boolean coldOnly;
    double[] lastWarmup;
    final List<String> coldFailures = new ArrayList<>();
    final Map<String, List<double[]>> coldWarmup = new LinkedHashMap<>();
    final Map<String, String> jmhError = new LinkedHashMap<>();
    final Map<String, String> profiles = new LinkedHashMap<>();
    FleetStudy.Measured fleetInputs;
    FleetStudy.Outcome fleetOutcome;
    /** Where the cold starts' clicks go: a loopback PutRecordBatch endpoint (the redirect jar has no other sink). */
    String firehose;
    /** With --cold-only --firehose: each cold start waits for its clicks to reach {@link #firehose}. */
    boolean checkDelivery;

    RunAll(Path root) throws IOException {
        this.root = root;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Matcher m =
                Pattern.compile("JAVA_TOOL_OPTIONS:\\s*(.+)").matcher(Files.readString(root.resolve("template.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_TOOL_OPTIONS in template.yaml");
        }
        this.lambdaFlags = m.group(1).trim();
        this.lambdaJar = root.resolve("redirect-function/target/redirect-function-lambda.jar");
    }

    public static void main(String[] args) throws Exception {
        int coldRuns = 9;
        boolean coldOnly = false;
        Path lambdaJar = null;
        boolean firehose = false;
        boolean managementOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                // The management API's listing and bulk figures only, printed (docs/benchmarks.md is not written).
                case "--management-only" -> managementOnly = true;
                case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
                // Checks another build of the redirect jar (e.g. a minimized one): tuned cold starts only, printed.
                case "--cold-only" -> coldOnly = true;
                case "--lambda-jar" -> lambdaJar = Path.of(args[++i]).toAbsolutePath();
                // With --cold-only: clicks go through the Firehose client to a local endpoint, which must get them.
                case "--firehose" -> firehose = true;
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --cold-runs N, --cold-only, --lambda-jar PATH, --management-only)");
            }
        }
        Path root = findRoot();
        if (System.getProperty(NodePackageInstaller.CACHE_DIR_PROPERTY) == null) {
            System.setProperty(
                    NodePackageInstaller.CACHE_DIR_PROPERTY,
                    root.resolve("target/test-servers").toString());
        }
        RunAll run = new RunAll(root);
        if (lambdaJar != null) {
            run.lambdaJar = lambdaJar;
        }
        if (managementOnly) {
            try (DynaliteProcess dynalite = DynaliteProcess.start();
                    RedisProcess redis = RedisProcess.start()) {
                run.management(dynalite, redis);
            }
            // (docs/benchmarks.md needs the whole run)
            log(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run.management));
            return;
        }
        if (coldOnly) {
            try (DynaliteProcess dynalite = DynaliteProcess.start();
                    RedisProcess redis = RedisProcess.start();
                    var endpoint = new dev.shortener.localservers.firehose.FirehoseStandIn()) {
                run.coldOnly = true;
                run.firehose = endpoint.endpoint().toString();
                run.checkDelivery = firehose;
                run.coldStarts(dynalite, redis, coldRuns);
                if (firehose) {
                    log("Firehose endpoint received " + endpoint.storedRecords().size()
                            + " records from the cold starts");
                    if (endpoint.storedRecords().size() == 0) {
                        throw new IllegalStateException("no click reached the Firehose endpoint");
                    }
                }
            }
            Report report = new Report(run);
            log(f(
                    "%s (%,d bytes): tuned cold start to first 302, median of %d: %.0f ms (init %.0f ms, first request "
                            + "%.0f ms, second %.1f ms); every run answered 302",
                    run.lambdaJar,
                    Files.size(run.lambdaJar),
                    run.cold.get("tuned").size(),
                    report.coldMedian("tuned", 3),
                    report.coldMedian("tuned", 1),
                    report.coldMedian("tuned", 2),
                    report.coldMedian("tuned", 4)));
            return;
        }
        run.machine();
        run.jars = ArtifactSizes.scan(root);
        log("artifact sizes: " + run.jars.size() + " deployment jars");
        try (DynaliteProcess dynalite = DynaliteProcess.start();
                RedisProcess redis = RedisProcess.start();
                var endpoint = new dev.shortener.localservers.firehose.FirehoseStandIn()) {
            log("dynalite " + dynalite.endpoint() + ", redis " + redis.uri());
            run.inProcess(dynalite, redis);
            run.analytics(dynalite, redis);
            run.firehose = endpoint.endpoint().toString();
            run.coldStarts(dynalite, redis, coldRuns);
            // Its own dynalite: 100,000 items leave the shared one slow (LevelDB compacting) for what follows.
            try (DynaliteProcess forManagement = DynaliteProcess.start()) {
                run.management(forManagement, redis);
            }
        }
        run.fleet();
        run.jmh();
        Path out = root.resolve("docs/benchmarks.md");
        Files.writeString(out, new Report(run).markdown(), StandardCharsets.UTF_8);
        log("wrote " + out + " in " + (Instant.now().getEpochSecond() - run.started.getEpochSecond()) + " s");
    }

    static void log(String s) {
        System.out.println("[bench] " + s);
        System.out.flush();
    }

    static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/redirect-get.json"))
                    && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the repository (no events/redirect-get.json and template.yaml above "
                + Path.of("").toAbsolutePath() + ")");
    }

    void machine() throws IOException {
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = "unknown";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        }
        machine.put("cpu", cpu);
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            machine.put(
                    "memory",
                    Files.readAllLines(meminfo).stream()
                            .filter(l -> l.startsWith("MemTotal"))
                            .map(l -> String.format(
                                    Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                            .findFirst()
                            .orElse("?"));
        }
        machine.put(
                "jdk",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")");
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    Path benchmarksJar() {
        return Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0])
                .toAbsolutePath();
    }

    void inProcess(DynaliteProcess dynalite, RedisProcess redis) throws Exception {
        log("in-process redirect benchmarks (child JVM, JAVA_TOOL_OPTIONS=" + lambdaFlags + ")");
        Map<String, Object> all = childBenchmark(
                "the in-process benchmark",
                "dev.shortener.benchmarks.redirect.HandlerBench",
                8,
                Map.of(),
                dynalite.endpoint().toString(),
                redis.uri().toString(),
                "bench-links",
                root.resolve("events").toString());
        inProcess = new LinkedHashMap<>();
        for (var e : all.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> stats = (Map<String, Object>) m;
                inProcess.put(e.getKey(), stats);
            } else {
                inProcessScalars.put(e.getKey(), e.getValue());
            }
        }
    }

    void management(DynaliteProcess dynalite, RedisProcess redis) throws Exception {
        log("management API benchmarks: listing from 100,000 links, bulk create (child JVM, Lambda's flags)");
        management = childBenchmark(
                "the management benchmark",
                "dev.shortener.benchmarks.management.ManagementBench",
                10,
                Map.of(),
                dynalite.endpoint().toString(),
                redis.uri().toString(),
                root.resolve("events").toString());
    }

    /** The aggregator and the stats API, in a child JVM under Lambda's flags (both functions run with them). */
    void analytics(DynaliteProcess dynalite, RedisProcess redis) throws Exception {
        log("analytics benchmarks (child JVM, JAVA_TOOL_OPTIONS=" + lambdaFlags + ")");
        analytics = childBenchmark(
                "the analytics benchmark",
                "dev.shortener.benchmarks.analytics.AnalyticsBench",
                8,
                Map.of("AWS_REGION", "us-east-1"),
                dynalite.endpoint().toString(),
                redis.uri().toString());
    }

    /**
     * Runs a benchmark's main class in a child JVM under Lambda's flags (so its figures are the deployed
     * function's), with these arguments and then a file for its JSON figures, which are returned.
     *
     * @param what    for the failure's message
     * @param minutes how long it may take before it counts as failed
     */
    private Map<String, Object> childBenchmark(
            String what, String mainClass, int minutes, Map<String, String> environment, String... arguments)
            throws Exception {
        Path out = Files.createTempFile(mainClass.substring(mainClass.lastIndexOf('.') + 1), ".json");
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", benchmarksJar().toString(), mainClass));
        command.addAll(List.of(arguments));
        command.add(out.toString());
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("JAVA_TOOL_OPTIONS", lambdaFlags);
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " failed");
        }
        Map<String, Object> figures = JSON.readValue(Files.readString(out), new TypeReference<>() {});
        Files.deleteIfExists(out);
        return figures;
    }

    void coldStarts(DynaliteProcess dynalite, RedisProcess redis, int runs) throws Exception {
        Path target = benchmarksJar().getParent();
        Path launcher;
        try (var files = Files.list(target)) {
            launcher = files.filter(f -> f.getFileName().toString().endsWith("-launcher.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-launcher.jar in " + target));
        }
        String baselineLib = target.resolve("baseline-lib").toString() + "/*";
        String runtimeLib = target.resolve("runtime-lib").toString() + "/*";
        String table = "cold-links";
        String code = "c0LdSt4";
        var admin = DynamoDbClients.forEmulator(dynalite.endpoint());
        LinksTableSetup.createIfMissing(admin, table);
        new DynamoDbLinkStore(new LinksTable(admin, table))
                .putIfAbsent(Link.create(
                        code, "https://news.example/cold-start", Instant.now().minusSeconds(60), null, "bench"));
        UnifiedJedis jedis = RedisClients.create(RedisSettings.of(redis.uri()));
        RedisLinkCache cache = new RedisLinkCache(jedis, RedisLinkCache.DEFAULT_KEY_PREFIX);
        Map<String, String> env = new HashMap<>();
        env.put("LINKS_TABLE", table);
        env.put("REDIS_URL", redis.uri().toString());
        env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("CLICK_STREAM_NAME", "clicks-bench");
        env.put("FIREHOSE_ENDPOINT", firehose);
        env.put("CLICK_VISITOR_SECRET", "benchmark-visitor-secret-0123456789");
        if (checkDelivery) {
            env.put("BENCH_LINGER_MS", "2500");
        }
        String cpLambda = lambdaJar + File.pathSeparator + launcher + File.pathSeparator + runtimeLib;
        Path shadedJar =
                lambdaJar.resolveSibling(lambdaJar.getFileName().toString().replace("-lambda.jar", "-shaded.jar"));
        if (!Files.isRegularFile(shadedJar)) {
            shadedJar = lambdaJar; // a jar given with --lambda-jar, from a build without the shrinking step
        }
        String cpBaseline =
                String.join(File.pathSeparator, shadedJar.toString(), launcher.toString(), runtimeLib, baselineLib);
        String event = root.resolve("events/redirect-get.json").toString();
        record Variant(String name, String flags, List<String> cmd) {}
        String main = "dev.shortener.benchmarks.coldstart.ColdStartMain";
        List<String> lambdaRuntime = List.of(java, "-cp", cpLambda, main, "lambda", event, code);
        List<Variant> variants = List.of(
                        new Variant("tuned", lambdaFlags, lambdaRuntime),
                        new Variant("no_flags", null, lambdaRuntime),
                        new Variant(
                                "untuned",
                                null,
                                List.of(
                                        java,
                                        "-Dsoftware.amazon.awssdk.http.service.impl=" + APACHE_SERVICE,
                                        "-cp",
                                        cpBaseline,
                                        main,
                                        "unprimed",
                                        event,
                                        code)))
                .subList(0, coldOnly ? 1 : 3);
        log("cold starts: " + runs + " rounds of " + variants.size() + " variants (first request a cache miss)");
        for (Variant v : variants) {
            cold.put(v.name(), new ArrayList<>());
        }
        for (int round = 0; round <= runs; round++) {
            for (Variant v : variants) {
                jedis.del(cache.key(code));
                double[] r;
                try {
                    r = coldStart(v.cmd(), env, v.flags(), null);
                } catch (IllegalStateException e) {
                    coldFailures.add(
                            v.name() + ": " + e.getMessage().lines().limit(12).collect(Collectors.joining(" / ")));
                    log("a " + v.name() + " cold start failed; retrying once: " + e.getMessage());
                    jedis.del(cache.key(code));
                    r = coldStart(v.cmd(), env, v.flags(), null);
                }
                if (round > 0) { // round 0 warms the OS page cache for every variant; not recorded
                    cold.get(v.name()).add(r);
                    if (lastWarmup != null) {
                        coldWarmup
                                .computeIfAbsent(v.name(), k -> new ArrayList<>())
                                .add(lastWarmup);
                    }
                }
            }
        }
        if (coldOnly) {
            jedis.close();
            admin.close();
            return;
        }
        // One more tuned run with class-load logging: what the cold start spends its time loading.
        Path classLog = Files.createTempFile("class-load", ".log");
        jedis.del(cache.key(code));
        coldStart(variants.get(0).cmd(), env, lambdaFlags, "-Xlog:class+load=info:file=" + classLog);
        coldClassLoads = new HashMap<>();
        for (String line : Files.readAllLines(classLog)) {
            int at = line.indexOf("[class,load] ");
            if (at < 0) {
                continue;
            }
            String cls = line.substring(at + 13).split(" ")[0];
            coldClassTotal++;
            coldClassLoads.merge(ArtifactSizes.group(cls.replace('.', '/')), 1L, Long::sum);
        }
        Files.deleteIfExists(classLog);
        jedis.close();
        admin.close();
    }

    /** @return ms: spawn→main, main→init done, init→first response, spawn→first response, second request */
    double[] coldStart(List<String> cmd, Map<String, String> env, String toolOptions, String extraFlag)
            throws Exception {
        List<String> command = new ArrayList<>(cmd);
        if (extraFlag != null) {
            command.add(1, extraFlag);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().putAll(env);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("AWS_LAMBDA_RUNTIME_API");
        if (toolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        }
        Path stderr = Files.createTempFile("cold-start", ".err");
        pb.redirectError(stderr.toFile());
        lastWarmup = null;
        long spawn = System.nanoTime();
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("cold start timed out");
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        String line = stdout.lines()
                .filter(l -> l.startsWith("COLDSTART "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cold start printed no result (exit " + p.exitValue()
                        + "): " + stdout + "\nstderr:\n" + errors));
        Map<String, String> f = Arrays.stream(line.substring(10).split(" "))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        for (String l : stdout.lines().toList()) {
            if (l.startsWith("{") && l.contains("\"warmup\"")) {
                Map<String, Object> w = JSON.readValue(l, new TypeReference<>() {});
                if ("warmup".equals(w.get("message"))) {
                    for (String step : List.of("redis", "dynamodb", "responses")) {
                        if (!"ok".equals(w.get(step))) { // e.g. a class a minimized jar lost
                            throw new IllegalStateException("init warm-up step " + step + " failed: " + l);
                        }
                    }
                    lastWarmup =
                            new double[] {num(w.get("redis_ms")), num(w.get("dynamodb_ms")), num(w.get("responses_ms"))
                            };
                }
            }
        }
        if (!f.get("status1").equals("302") || !f.get("status2").equals("302")) {
            throw new IllegalStateException("cold start did not redirect: " + line);
        }
        long main = Long.parseLong(f.get("main"));
        long read = Long.parseLong(f.get("read"));
        long init = Long.parseLong(f.get("init"));
        long first = Long.parseLong(f.get("first"));
        long second = Long.parseLong(f.get("second"));
        // [JVM start, function init, first request, start to first 302, second request, runtime's event read]
        return new double[] {
            (main - spawn) / 1e6,
            (init - read) / 1e6,
            (first - init) / 1e6,
            (first - spawn) / 1e6,
            (second - first) / 1e6,
            (read - main) / 1e6
        };
    }

    /** The simulated day at the design's load, from this run's durations and cold starts. */
    void fleet() throws IOException {
        String template = Files.readString(root.resolve("template.yaml"));
        List<double[]> tuned = cold.get("tuned");
        double[] init = new double[tuned.size()];
        for (int i = 0; i < init.length; i++) {
            init[i] = tuned.get(i)[3] - tuned.get(i)[2]; // start to first 302, minus the first request
        }
        fleetInputs = new FleetStudy.Measured(
                quantiles("hit"),
                quantiles("miss"),
                init,
                parameterDefault(template, "EdgeCacheSeconds"),
                parameterDefault(template, "RedirectMemorySize") / 1024);
        log("fleet simulation: one day at the design's load under each capacity policy");
        fleetOutcome = FleetStudy.run(fleetInputs, TrafficDay.design(), 20261202L);
        for (FleetResult r : fleetOutcome.rows()) {
            log(String.format(
                    Locale.ROOT,
                    "  %-70s cold %,6d p99.9 %6.1f ms  $%,.0f/month",
                    r.policy(),
                    r.coldStarts(),
                    r.p999Ms(),
                    r.monthlyCost()));
        }
    }

    private QuantileDistribution quantiles(String scenario) {
        @SuppressWarnings("unchecked")
        List<Number> micros = (List<Number>) inProcess.get(scenario).get("q_us");
        return QuantileDistribution.ofMicros(Stats.LEVELS, micros);
    }

    static double parameterDefault(String template, String parameter) {
        Matcher m = Pattern.compile("\\n  " + parameter + ":\\n(?:    .*\\n)*?    Default: (\\d+)")
                .matcher(template);
        if (!m.find()) {
            throw new IllegalStateException("no numeric default for " + parameter + " in template.yaml");
        }
        return Double.parseDouble(m.group(1));
    }

    void jmh() throws Exception {
        log("JMH: minting and click events, default JIT, then the Lambda flags (" + lambdaFlags + ")");
        for (boolean lambda : new boolean[] {false, true}) {
            var options = new OptionsBuilder()
                    .include(MintBench.class.getName() + ".*")
                    .include(ClickEventBench.class.getName() + ".*")
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1))
                    .threads(1)
                    .verbosity(VerboseMode.SILENT);
            if (lambda) {
                options.jvmArgsAppend(lambdaFlags.split("\\s+"));
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
                (lambda ? jmhLambda : jmhDefault).put(name, r.getPrimaryResult().getScore());
                jmhError.put(
                        (lambda ? "lambda:" : "default:") + name,
                        f("%,.0f", r.getPrimaryResult().getScoreError()));
            }
            log("  " + (lambda ? "lambda flags" : "default JIT") + ": " + (lambda ? jmhLambda : jmhDefault));
        }
        // Where the time goes, under the Lambda flags: JMH's stack sampler on the two hot paths.
        for (String bench :
                List.of(MintBench.class.getName() + ".mint", ClickEventBench.class.getName() + ".deriveAndSerialise")) {
            var options = new OptionsBuilder()
                    .include(Pattern.quote(bench) + "$")
                    .forks(1)
                    .warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend(lambdaFlags.split("\\s+"))
                    .addProfiler(org.openjdk.jmh.profile.StackProfiler.class, "lines=1;top=12;detailLine=false")
                    .verbosity(VerboseMode.SILENT)
                    .build();
            for (RunResult r : new Runner(options).run()) {
                for (var sec : r.getAggregatedResult().getSecondaryResults().entrySet()) {
                    if (sec.getKey().endsWith("stack")) {
                        profiles.put(
                                bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1),
                                sec.getValue().extendedInfo());
                    }
                }
            }
        }
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String utcNow() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }
}
