package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The template against the functions' code: every environment variable a function's configuration reads is set
 * for that function (and nothing else is), the values the template sets are accepted by the configuration's own
 * parser, and every Handler names a class of that function's module.
 *
 * <p>The configuration classes are read through the classes themselves (test-scope dependencies on the function
 * modules): their {@code static final String} constants whose values look like environment variable names. A
 * class that reads the environment but isn't listed here fails {@link #everyClassThatReadsTheEnvironmentIsListed}.
 */
class FunctionWiringTest {

    /** A function's module and the classes naming the variables it reads, with the method that parses them. */
    record Wiring(String module, String handlerPackageDir, List<ConfigClass> configs) {}

    /**
     * @param className the class declaring the variable names
     * @param parser    a static method taking the environment (an Environment, a Map or a Function) and checking it; null if
     *                  parsing would build clients
     */
    record ConfigClass(String className, String parser) {}

    /**
     * The shared names that the redirect and create functions' own configuration reads through their owners (it
     * parses them, so they have no parser here).
     */
    private static final List<ConfigClass> SHARED_THROUGH_OWN_CONFIG = List.of(
            new ConfigClass("dev.shortener.links.LinksTableSettings", null),
            new ConfigClass("dev.shortener.linkcache.RedisSettings", null),
            new ConfigClass("dev.shortener.http.EmfMetrics", null));

    /** A function's own configuration (parsed with fromEnvironment), the shared names it reads, then these. */
    private static List<ConfigClass> ownConfigAndShared(String ownConfig, ConfigClass... more) {
        List<ConfigClass> configs = new ArrayList<>();
        configs.add(new ConfigClass(ownConfig, "fromEnvironment"));
        configs.addAll(SHARED_THROUGH_OWN_CONFIG);
        configs.addAll(List.of(more));
        return List.copyOf(configs);
    }

    static final Map<String, Wiring> FUNCTIONS = Map.of(
            "RedirectFunction",
                    new Wiring(
                            "redirect-function",
                            "dev/shortener/redirect",
                            ownConfigAndShared(
                                    "dev.shortener.redirect.RedirectConfig",
                                    new ConfigClass("dev.shortener.analytics.ClickSinks", "settings"))),
            "CreateFunction",
                    new Wiring(
                            "create-function",
                            "dev/shortener/create",
                            ownConfigAndShared(
                                    "dev.shortener.create.CreateConfig",
                                    new ConfigClass("dev.shortener.http.OriginSecret", null),
                                    new ConfigClass("dev.shortener.shortcode.ShortCodeSettings", "fromEnvironment"),
                                    new ConfigClass("dev.shortener.stats.StatsSettings", "fromEnvironment"))),
            "ClickCountFunction",
                    new Wiring(
                            "click-count-function",
                            "dev/shortener/analytics/counts",
                            List.of(
                                    new ConfigClass("dev.shortener.links.LinksTableSettings", "fromEnvironment"),
                                    new ConfigClass("dev.shortener.stats.StatsSettings", "fromEnvironment"),
                                    new ConfigClass("dev.shortener.analytics.counts.handler.ClickCountWiring", null))),
            // Reads no variables: its bucket comes in each request's ResourceProperties.
            "ConsolePublisherFunction", new Wiring("console-publisher", "dev/shortener/console/publisher", List.of()));

    /** Read by the code for local runs and tests only: setting one in AWS would point a function elsewhere. */
    static final Map<String, String> LOCAL_ONLY = Map.of(
            "DYNAMODB_ENDPOINT", "an emulator's DynamoDB endpoint",
            "FIREHOSE_ENDPOINT", "a test Firehose endpoint",
            "S3_ENDPOINT", "LocalStack's S3 endpoint",
            // In AWS the viewer-request function answers / itself (RootRedirectUrl), so that a change needs no
            // new version of the live alias; the local runner passes it to the function.
            "ROOT_REDIRECT_URL", "the local runner's root redirect (CloudFront answers / in AWS)");

    /** Set in the template for the JVM or the runtime, not read by a configuration class. */
    static final Set<String> FOR_THE_RUNTIME = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"\\s*;");
    private static final Pattern READS_ENVIRONMENT = Pattern.compile("getenv|env\\.get\\(|Map<String, String> env");

    private final Template template = Template.load();

    @Test
    void everyFunctionOfTheTemplateIsDescribedHere() {
        assertEquals(
                new TreeSet<>(FUNCTIONS.keySet()),
                new TreeSet<>(template.ofType(Template.SERVERLESS_FUNCTION)),
                "functions in template.yaml vs. this test's table");
    }

    @TestFactory
    Stream<DynamicTest> everyVariableTheCodeReadsIsSet_andNothingElse() {
        return FUNCTIONS.keySet().stream()
                .sorted()
                .map(function -> DynamicTest.dynamicTest(function, () -> {
                    Map<String, String> read = variablesRead(function);
                    Map<String, JsonNode> set = template.environment(function);
                    List<String> problems = new ArrayList<>();
                    read.forEach((name, declaredBy) -> {
                        if (runtimeProvided(name) || LOCAL_ONLY.containsKey(name)) {
                            if (set.containsKey(name)) {
                                problems.add(name + " (read by " + declaredBy + ") must not be set: "
                                        + (runtimeProvided(name) ? "Lambda sets it" : LOCAL_ONLY.get(name)));
                            }
                        } else if (!set.containsKey(name)) {
                            problems.add(name + " is read by " + declaredBy + " but not set for " + function);
                        }
                    });
                    set.keySet().forEach(name -> {
                        if (!read.containsKey(name) && !FOR_THE_RUNTIME.contains(name)) {
                            problems.add(
                                    name + " is set for " + function + " but no configuration class of it reads it");
                        }
                    });
                    System.out.printf("%s reads %s%n", function, read.keySet());
                    assertEquals(List.of(), problems);
                }));
    }

    /** The template's values, rendered with parameter defaults, pass each configuration's own checks. */
    @TestFactory
    Stream<DynamicTest> theTemplatesValuesPassTheConfigurationsOwnChecks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String function : new TreeSet<>(FUNCTIONS.keySet())) {
            for (ConfigClass config : FUNCTIONS.get(function).configs()) {
                if (config.parser() == null) {
                    continue;
                }
                for (Map<String, String> overrides : List.of(
                        Map.<String, String>of(),
                        Map.of(
                                "DomainName",
                                "sho.rt",
                                "CertificateArn",
                                "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"))) {
                    String name = function + " " + simpleName(config.className())
                            + (overrides.isEmpty() ? " (defaults)" : " (custom domain)");
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Class<?> type = load(function, config.className());
                        Map<String, String> env = new TemplateValues(template, overrides).environment(function);
                        parse(type, config.parser(), env);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyHandlerIsAClassOfItsFunctionsModule() {
        return FUNCTIONS.keySet().stream()
                .sorted()
                .map(function -> DynamicTest.dynamicTest(function, () -> {
                    String handler =
                            template.functionProperty(function, "Handler").asText();
                    String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
                    String methodName =
                            handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
                    Class<?> type = load(function, className);
                    String location = String.valueOf(
                            type.getProtectionDomain().getCodeSource().getLocation());
                    String module = FUNCTIONS.get(function).module();
                    assertTrue(
                            location.contains("/" + module + "/target/classes")
                                    || location.contains("/" + module + "-"),
                            className + " comes from " + location + ", not from " + module);
                    boolean found = false;
                    for (Method method : type.getMethods()) {
                        found |= method.getName().equals(methodName)
                                && !method.isBridge()
                                && !Modifier.isStatic(method.getModifiers());
                    }
                    assertTrue(found, handler + ": " + className + " has no public method " + methodName);
                    assertTrue(
                            Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
                            className + " must be a public concrete class");
                    type.getConstructor(); // Lambda needs a public no-arg constructor
                }));
    }

    /**
     * Where the environment is read, the names come from a listed class: a new configuration class (or a
     * variable read in passing) fails here until this test's table names it.
     */
    @Test
    void everyClassThatReadsTheEnvironmentIsListed() throws IOException {
        List<String> unlisted = new ArrayList<>();
        for (Map.Entry<String, Wiring> entry : new TreeMap<>(FUNCTIONS).entrySet()) {
            Wiring wiring = entry.getValue();
            Path packageDir = Repository.file(wiring.module() + "/src/main/java/" + wiring.handlerPackageDir());
            if (!Files.isDirectory(packageDir)) {
                continue;
            }
            Set<String> listed = new TreeSet<>();
            wiring.configs().forEach(c -> listed.add(c.className()));
            try (Stream<Path> files = Files.walk(packageDir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    String className = Repository.file(wiring.module() + "/src/main/java")
                            .relativize(file)
                            .toString()
                            .replace(".java", "")
                            .replace('/', '.');
                    if (READS_ENVIRONMENT.matcher(source).find()
                            && CONSTANT.matcher(source).find()
                            && !listed.contains(className)) {
                        unlisted.add(className + " (" + entry.getKey() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), unlisted, "classes that read environment variables but aren't in FUNCTIONS");
    }

    /** Every header the management API reads reaches it through CloudFront's /api/* behaviour. */
    @Test
    void theApiBehaviourForwardsEveryHeaderTheManagementApiReads() throws IOException {
        Set<String> forwarded = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        forwarded.addAll(TemplateTrapsTest.texts(template.properties(TemplateTrapsTest.apiBehaviour()
                        .path("OriginRequestPolicyId")
                        .path("Ref")
                        .asText())
                .path("OriginRequestPolicyConfig")
                .path("HeadersConfig")
                .path("Headers")));
        Set<String> read = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Pattern headerConstant = Pattern.compile("HEADER\\w*\\s*=\\s*\"([A-Za-z][A-Za-z0-9-]*)\"");
        Pattern headerCall = Pattern.compile("\\.header\\(\"([A-Za-z][A-Za-z0-9-]*)\"\\)");
        Path sources = Repository.file("create-function/src/main/java");
        Assumptions.assumeTrue(Files.isDirectory(sources), "create-function has no sources yet");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : List.of(headerConstant, headerCall)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
            }
        }
        JsonNode clientHeader = template.environment("CreateFunction").get("CLIENT_IP_HEADER");
        if (clientHeader != null) {
            read.add(clientHeader.asText());
        }
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(forwarded);
        System.out.println("the management API reads headers " + read);
        assertEquals(Set.of(), missing, "headers the management API reads that CloudFront doesn't forward to it");
    }

    /** Where the AWS calls a function makes are written (its own code and the shared code it runs). */
    static final Map<String, List<String>> CODE_RUN_BY = Map.of(
            "RedirectFunction",
                    List.of(
                            "redirect-function/src/main/java/dev/shortener/redirect",
                            "click-sink/src/main/java/dev/shortener/analytics/firehose",
                            "click-sink/src/main/java/dev/shortener/analytics/delivery"),
            "CreateFunction",
                    List.of(
                            "create-function/src/main/java/dev/shortener/create",
                            "links-table/src/main/java/dev/shortener/links/dynamodb/DynamoDbLinkStore.java",
                            "links-table/src/main/java/dev/shortener/links/dynamodb/DynamoDbWorkerLeases.java"),
            "ClickCountFunction", List.of("click-count-function/src/main/java/dev/shortener/analytics/counts"));

    /** Calls made through shared code that also holds calls the function never makes. */
    static final Map<String, Set<String>> CALLS_THROUGH_SHARED_CODE = Map.of(
            "RedirectFunction", Set.of("dynamodb:GetItem")); // DynamoDbLinkStore.find, the only store method it uses

    /**
     * API operations whose IAM action has another name (S3's ListObjectsV2 is authorised as s3:ListBucket), and the
     * links table handle's {@code batchGet}, which is BatchGetItem.
     */
    static final Map<String, String> ACTION_OF_CALL =
            Map.of("s3:ListObjectsV2", "s3:ListBucket", "dynamodb:BatchGet", "dynamodb:BatchGetItem");

    /** SAM policy templates, as the actions they grant. */
    static final Map<String, List<String>> SAM_POLICY_TEMPLATES = Map.of(
            "DynamoDBCrudPolicy",
                    List.of(
                            "dynamodb:GetItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:PutItem",
                            "dynamodb:Scan",
                            "dynamodb:Query",
                            "dynamodb:UpdateItem",
                            "dynamodb:BatchWriteItem",
                            "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable",
                            "dynamodb:ConditionCheckItem"),
            "DynamoDBReadPolicy",
                    List.of(
                            "dynamodb:GetItem",
                            "dynamodb:Scan",
                            "dynamodb:Query",
                            "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable"),
            "S3ReadPolicy",
                    List.of(
                            "s3:GetObject",
                            "s3:ListBucket",
                            "s3:GetBucketLocation",
                            "s3:GetObjectVersion",
                            "s3:GetLifecycleConfiguration"),
            "FirehoseWritePolicy", List.of("firehose:PutRecord", "firehose:PutRecordBatch"));

    /**
     * SDK client variable names in this codebase, by IAM service prefix, and {@code table}: the adapters' name for
     * the links table's handle ({@code LinksTable}), whose methods are the DynamoDB calls of the same name
     * ({@code table.dynamoDb()} is its client).
     */
    private static final Pattern SDK_CALL = Pattern.compile(
            "(?<![.\\w])(dynamoDb|table(?:\\s*\\.\\s*dynamoDb\\(\\))?|s3|firehose)\\s*\\.\\s*"
                    + "((?:get|put|update|delete|batch|transact|list|describe|create|head|copy|execute)[A-Z]\\w*|query|scan)\\s*\\(");

    /**
     * Every AWS API the function's code calls is allowed by its policies (AccessDenied would surface only in
     * production), and every action an inline statement allows is called somewhere (least privilege).
     */
    @TestFactory
    Stream<DynamicTest> policiesAllowExactlyTheCallsTheCodeMakes() {
        return new TreeSet<>(CODE_RUN_BY.keySet())
                .stream()
                        .map(function -> DynamicTest.dynamicTest(function, () -> {
                            Set<String> called =
                                    new TreeSet<>(CALLS_THROUGH_SHARED_CODE.getOrDefault(function, Set.of()));
                            for (String dir : CODE_RUN_BY.get(function)) {
                                Path root = Repository.file(dir);
                                if (!Files.exists(root)) {
                                    continue;
                                }
                                try (Stream<Path> files = Files.walk(root)) {
                                    for (Path file : files.filter(
                                                    f -> f.toString().endsWith(".java"))
                                            .toList()) {
                                        Matcher m = SDK_CALL.matcher(Files.readString(file));
                                        while (m.find()) {
                                            String service = m.group(1).startsWith("dynamoDb")
                                                            || m.group(1).startsWith("table")
                                                    ? "dynamodb"
                                                    : m.group(1);
                                            String operation = m.group(2);
                                            String call = service + ":" + Character.toUpperCase(operation.charAt(0))
                                                    + operation.substring(1);
                                            called.add(ACTION_OF_CALL.getOrDefault(call, call));
                                        }
                                    }
                                }
                            }
                            Set<String> granted = new TreeSet<>();
                            Set<String> inline = new TreeSet<>();
                            for (JsonNode policy : template.properties(function).path("Policies")) {
                                policy.fieldNames()
                                        .forEachRemaining(name ->
                                                granted.addAll(SAM_POLICY_TEMPLATES.getOrDefault(name, List.of())));
                                policy.path("Statement").forEach(statement -> inline.addAll(actions(statement)));
                            }
                            for (String attached : template.ofType("AWS::IAM::Policy")) {
                                for (JsonNode role :
                                        template.properties(attached).path("Roles")) {
                                    if ((function + "Role")
                                            .equals(role.path("Ref").asText())) {
                                        template.properties(attached)
                                                .path("PolicyDocument")
                                                .path("Statement")
                                                .forEach(statement -> inline.addAll(actions(statement)));
                                    }
                                }
                            }
                            granted.addAll(inline);
                            System.out.printf("%s calls %s%n", function, called);
                            List<String> problems = new ArrayList<>();
                            for (String call : called) {
                                if (granted.stream().noneMatch(g -> TemplateTrapsTest.grants(g, call))) {
                                    problems.add(call + " is called but not allowed");
                                }
                            }
                            for (String action : inline) {
                                boolean logs = action.startsWith("logs:") || action.startsWith("xray:");
                                if (!logs && called.stream().noneMatch(c -> TemplateTrapsTest.grants(action, c))) {
                                    problems.add(action + " is allowed but never called");
                                }
                            }
                            assertEquals(List.of(), problems);
                        }));
    }

    private static List<String> actions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else if (action.isTextual()) {
            actions.add(action.asText());
        }
        return actions;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Variable name -> the class declaring it, for one function. */
    private Map<String, String> variablesRead(String function) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ConfigClass config : FUNCTIONS.get(function).configs()) {
            Class<?> type = load(function, config.className());
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    field.setAccessible(true);
                    try {
                        String value = (String) field.get(null);
                        if (value != null && ENV_NAME.matcher(value).matches()) {
                            names.putIfAbsent(value, simpleName(config.className()) + "." + field.getName());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    /**
     * The class from the test classpath (the function modules are test dependencies). While a function's
     * module has no source for it yet, the test is skipped saying so; once the source exists it must load.
     */
    private static Class<?> load(String function, String className) {
        try {
            return Class.forName(className, false, FunctionWiringTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String relative = "src/main/java/" + className.replace('.', '/') + ".java";
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> modules = Files.list(Repository.root())) {
                modules.map(m -> m.resolve(relative)).filter(Files::exists).forEach(sources::add);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            Assumptions.assumeFalse(
                    sources.isEmpty(),
                    className + " is not written yet (no " + relative + " in any module): " + function
                            + " can't be checked");
            fail(className + " exists (" + sources + ") but is not on this module's test classpath: add its module"
                    + " (dev.shortener:" + FUNCTIONS.get(function).module()
                    + ") as a test dependency of deployment/pom.xml");
            return null;
        }
    }

    private static void parse(Class<?> type, String parser, Map<String, String> env) throws Exception {
        Method method = null;
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(parser)
                    && Modifier.isStatic(candidate.getModifiers())
                    && candidate.getParameterCount() == 1) {
                method = candidate;
            }
        }
        if (method == null) {
            fail(type.getName() + " has no static " + parser
                    + "(Environment, Map or Function) to check the template's values with");
        }
        method.setAccessible(true);
        Class<?> takes = method.getParameterTypes()[0];
        Object argument = takes == Environment.class
                ? Environment.of(env)
                : takes == Function.class ? (Function<String, String>) env::get : env;
        try {
            method.invoke(null, argument);
        } catch (InvocationTargetException e) {
            fail(
                    type.getSimpleName() + "." + parser + " rejects the template's values: "
                            + e.getCause().getMessage() + "\n(environment: " + new TreeMap<>(env) + ")",
                    e.getCause());
        }
    }

    private static boolean runtimeProvided(String name) {
        return name.startsWith("AWS_")
                || name.startsWith("_")
                || name.equals("LAMBDA_TASK_ROOT")
                || name.equals("LAMBDA_RUNTIME_DIR")
                || name.equals("TZ");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
