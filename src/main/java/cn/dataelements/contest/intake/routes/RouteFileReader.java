package cn.dataelements.contest.intake.routes;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks one route file, {@code routes/<name>.camel.yaml}, before anything of it runs. The file may hold one
 * {@code templatedRoute} of one of the app's intake templates and nothing else: free-form routes, {@code beans:} and
 * any other key are refused, since they could call {@code exec:}, {@code file:} or any bean. Every parameter must be
 * one the template declares, and its value, once its placeholder is resolved, must match the parameter's pattern
 * before it is placed in an endpoint URI, so no endpoint option can be slipped in ({@code ?}, {@code &}).
 *
 * <p>A value is a literal or one whole placeholder: {@code {{intake.…}}}, a setting of the app, or, for secret
 * parameters only, {@code {{env:INTAKE_ROUTE_…}}}. A secret is never a literal; when the file omits it, it is read from
 * {@code <secrets>/<route id>}, a file only its owner may read.
 */
public class RouteFileReader {

    /** The suffix of a route file. */
    public static final String SUFFIX = ".camel.yaml";

    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*)}}");
    private static final Pattern SETTING = Pattern.compile("intake\\.[a-z0-9.-]+");
    /** Settings a plain parameter may not name: their values are secrets, and a refused value is shown. */
    private static final Pattern SECRET_SETTING = Pattern.compile(".*(password|secret|token|key|credential).*");
    /** The one setting a secret parameter may name: the bundled mailbox's password, itself from the environment. */
    private static final Set<String> SECRET_SETTINGS = Set.of("intake.mail.password");

    private static final Pattern ENVIRONMENT = Pattern.compile("env:(INTAKE_ROUTE_[A-Z0-9_]+)");
    private static final Set<String> ROUTE_KEYS = Set.of("routeTemplateRef", "routeId", "parameters");
    private static final int MAX_BYTES = 64 * 1024;

    private final Map<String, RouteTemplateSpec> templates = new TreeMap<>();
    private final UnaryOperator<String> settings;
    private final UnaryOperator<String> environment;
    private final Path secrets;

    /**
     * @param settings the app's setting of a name, or null
     * @param environment the process environment's variable of a name, or null
     * @param secrets the folder of the routes' secret files
     */
    public RouteFileReader(
            Collection<RouteTemplateSpec> templates,
            UnaryOperator<String> settings,
            UnaryOperator<String> environment,
            Path secrets) {
        templates.forEach(t -> this.templates.put(t.id(), t));
        this.settings = settings;
        this.environment = environment;
        this.secrets = secrets;
    }

    /** The file's route, checked; or every problem found in it. */
    public RouteFile read(Path file) throws InvalidRouteFileException {
        List<RouteProblem> problems = new ArrayList<>();
        Object document = parse(file, problems);
        Map<?, ?> route = document == null ? null : templatedRoute(document, problems);
        if (route == null) {
            throw new InvalidRouteFileException(file, problems);
        }
        route.keySet().stream()
                .filter(k -> !ROUTE_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(new RouteProblem(
                        "templatedRoute." + k,
                        "不允许的键 " + k + "：templatedRoute 只能有 " + ROUTE_KEYS,
                        "key " + k + " is not allowed; a templatedRoute has only " + ROUTE_KEYS)));
        String name = file.getFileName().toString();
        String routeId = route.containsKey("routeId")
                ? String.valueOf(route.get("routeId"))
                : name.substring(0, name.length() - SUFFIX.length());
        if (!ROUTE_ID.matcher(routeId).matches()) {
            problems.add(new RouteProblem(
                    "templatedRoute.routeId",
                    "路由编号 " + routeId + " 无效：只能用小写字母、数字和 -，例如 second-mailbox",
                    "route id " + routeId + " must match " + ROUTE_ID.pattern() + ", e.g. second-mailbox"));
        }
        String templateId = String.valueOf(route.get("routeTemplateRef"));
        RouteTemplateSpec template = templates.get(templateId);
        if (template == null) {
            problems.add(new RouteProblem(
                    "templatedRoute.routeTemplateRef",
                    "未知的路由模板 " + templateId + "，可用的模板：" + templates.keySet(),
                    "unknown route template " + templateId + "; the templates are " + templates.keySet()));
            throw new InvalidRouteFileException(file, problems);
        }
        Map<String, String> values = values(route.get("parameters"), template, routeId, problems);
        if (problems.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>();
            template.parameters().stream()
                    .filter(p -> p.defaultValue() != null)
                    .forEach(p -> all.put(p.name(), p.defaultValue()));
            all.putAll(values);
            problems.addAll(template.check().problems(all));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRouteFileException(file, problems);
        }
        return new RouteFile(file, routeId, templateId, values);
    }

    /**
     * The other files the route of this file reads (its mapping), from its values as written: what a change of the
     * route file is also watched for. Empty when the file names none, or cannot be read.
     */
    public List<Path> inputs(Path file) {
        Object document = parse(file, new ArrayList<>());
        Map<?, ?> route = document == null ? null : templatedRoute(document, new ArrayList<>());
        RouteTemplateSpec template =
                route == null ? null : templates.get(String.valueOf(route.get("routeTemplateRef")));
        if (template == null || !(route.get("parameters") instanceof List<?> given)) {
            return List.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Object each : given) {
            if (each instanceof Map<?, ?> parameter && parameter.get("name") != null) {
                values.put(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("value")));
            }
        }
        try {
            return template.check().inputs(values);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Object parse(Path file, List<RouteProblem> problems) {
        try {
            if (Files.isSymbolicLink(file)) {
                problems.add(new RouteProblem("file", "路由文件不能是符号链接", "a route file is never a symbolic link"));
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                problems.add(new RouteProblem(
                        "file", "文件过大（上限 64 KB）", "the file is over 64 KB, which no route file needs"));
                return null;
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (document == null) {
                problems.add(new RouteProblem("file", "文件为空", "the file is empty"));
            }
            return document;
        } catch (CharacterCodingException e) {
            problems.add(new RouteProblem("file", "文件不是 UTF-8 编码", "the file is not UTF-8"));
        } catch (YAMLException e) {
            problems.add(new RouteProblem(
                    "file", "不是有效的 YAML：" + firstLine(e.getMessage()), "not valid YAML: " + firstLine(e.getMessage())));
        } catch (IOException e) {
            problems.add(new RouteProblem("file", "文件无法读取", "the file cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /** The one templatedRoute the document must be, or null with the reason. */
    private static Map<?, ?> templatedRoute(Object document, List<RouteProblem> problems) {
        List<?> items = document instanceof List<?> list ? list : List.of(document);
        if (items.size() != 1) {
            problems.add(new RouteProblem(
                    "file",
                    "一个路由文件只能有一个 templatedRoute，这里有 " + items.size() + " 项",
                    "a route file holds exactly one templatedRoute, this one has " + items.size() + " items"));
            return null;
        }
        if (!(items.get(0) instanceof Map<?, ?> item) || item.size() != 1 || !item.containsKey("templatedRoute")) {
            String found = items.get(0) instanceof Map<?, ?> map
                    ? String.valueOf(map.keySet())
                    : "a "
                            + (items.get(0) == null
                                    ? "null"
                                    : items.get(0).getClass().getSimpleName());
            problems.add(new RouteProblem(
                    "file",
                    "只允许 templatedRoute（引用本系统的路由模板）；不允许 " + found + "：自由路由和 beans 可以调用任意组件",
                    "only a templatedRoute of one of the app's templates is allowed, found " + found
                            + ": free-form routes and beans could call any component"));
            return null;
        }
        if (!(item.get("templatedRoute") instanceof Map<?, ?> route)) {
            problems.add(
                    new RouteProblem("templatedRoute", "templatedRoute 必须是一组键值", "templatedRoute must be a mapping"));
            return null;
        }
        return route;
    }

    private Map<String, String> values(
            Object parameters, RouteTemplateSpec template, String routeId, List<RouteProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> named = new java.util.HashSet<>();
        List<?> given = parameters == null ? List.of() : parameters instanceof List<?> list ? list : null;
        if (given == null) {
            problems.add(new RouteProblem(
                    "templatedRoute.parameters",
                    "parameters 必须是一个列表，每项有 name 和 value",
                    "parameters must be a list of name and value"));
            return values;
        }
        for (Object each : given) {
            if (!(each instanceof Map<?, ?> parameter)
                    || !parameter.containsKey("name")
                    || !parameter.containsKey("value")
                    || parameter.size() != 2) {
                problems.add(new RouteProblem(
                        "templatedRoute.parameters",
                        "每个参数只能有 name 和 value：" + each,
                        "each parameter has a name and a value only: " + each));
                continue;
            }
            String name = String.valueOf(parameter.get("name"));
            String key = "parameters." + name;
            ParameterSpec spec = template.parameter(name).orElse(null);
            if (spec == null) {
                problems.add(new RouteProblem(
                        key,
                        "模板 " + template.id() + " 没有参数 " + name + "，可用的参数：" + template.names(),
                        "template " + template.id() + " has no parameter " + name + "; it has " + template.names()));
            } else if (!named.add(name)) {
                problems.add(new RouteProblem(key, "参数 " + name + " 重复", "parameter " + name + " is given twice"));
            } else {
                String value = value(key, spec, String.valueOf(parameter.get("value")), problems);
                if (value != null) {
                    values.put(name, value);
                }
            }
        }
        for (ParameterSpec spec : template.parameters()) {
            if (named.contains(spec.name())) {
                continue;
            }
            if (spec.secret()
                    && (spec.required()
                            || Files.exists(secrets.resolve(routeId), java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                secretFile(routeId, spec, problems).ifPresent(v -> values.put(spec.name(), v));
            } else if (spec.secret()) {
                values.put(spec.name(), spec.defaultValue());
            } else if (spec.required()) {
                problems.add(new RouteProblem(
                        "parameters." + spec.name(),
                        "缺少必填参数 " + spec.name() + "（" + spec.description() + "），例如 " + spec.example(),
                        "parameter " + spec.name() + " (" + spec.description() + ") is required, e.g. "
                                + spec.example()));
            }
        }
        return values;
    }

    /** The value resolved and checked, or null with the reason. */
    private String value(String key, ParameterSpec spec, String given, List<RouteProblem> problems) {
        Matcher placeholder = PLACEHOLDER.matcher(given);
        String value;
        if (placeholder.matches()) {
            String name = placeholder.group(1).strip();
            Matcher variable = ENVIRONMENT.matcher(name);
            if (variable.matches() && spec.secret()) {
                value = environment.apply(variable.group(1));
            } else if (spec.secret() ? SECRET_SETTINGS.contains(name) : plainSetting(name)) {
                value = settings.apply(name);
            } else {
                problems.add(new RouteProblem(
                        key,
                        "占位符 {{" + name + "}} 不可用："
                                + (spec.secret()
                                        ? "密码只能用 {{env:INTAKE_ROUTE_…}}、" + SECRET_SETTINGS + " 或 secrets 文件"
                                        : "只能用本系统的非密码设置 {{intake.…}}"),
                        "placeholder {{" + name + "}} is not allowed here: "
                                + (spec.secret()
                                        ? "a secret comes from {{env:INTAKE_ROUTE_…}}, " + SECRET_SETTINGS
                                                + " or the secrets file"
                                        : "only the app's settings {{intake.…}} that are not secrets are")));
                return null;
            }
            if (value == null) {
                problems.add(
                        new RouteProblem(key, "占位符 {{" + name + "}} 没有值", "placeholder {{" + name + "}} has no value"));
                return null;
            }
        } else if (spec.secret()) {
            problems.add(new RouteProblem(
                    key,
                    "密码不能直接写在路由文件里：用 {{env:INTAKE_ROUTE_…}}，或放进 secrets 文件",
                    "a secret is never written in a route file: use {{env:INTAKE_ROUTE_…}} or the secrets file"));
            return null;
        } else {
            value = given;
        }
        if (!spec.pattern().matcher(value).matches()) {
            String shown = spec.secret() ? "(secret)" : placeholder.matches() ? given : "\"" + value + "\"";
            problems.add(new RouteProblem(
                    key,
                    "参数 " + spec.name() + " 的值 " + shown + " 无效（" + spec.description() + "），例如 " + spec.example(),
                    "value " + shown + " of " + spec.name() + " does not match "
                            + spec.pattern().pattern() + " (" + spec.description() + "), e.g. " + spec.example()));
            return null;
        }
        return value;
    }

    private java.util.Optional<String> secretFile(String routeId, ParameterSpec spec, List<RouteProblem> problems) {
        Path file = secrets.resolve(routeId);
        String key = "parameters." + spec.name();
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            problems.add(new RouteProblem(
                    key,
                    "缺少 " + spec.name() + "：用 {{env:INTAKE_ROUTE_…}} 给出，或写入 " + file + "（权限 600）",
                    spec.name() + " is missing: give it as {{env:INTAKE_ROUTE_…}} or in " + file + " (mode 600)"));
            return java.util.Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                problems.add(new RouteProblem(
                        key,
                        "secrets 文件 " + file + " 其他用户可读：改为权限 600",
                        "secrets file " + file + " is readable by others: make it mode 600"));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Files.readString(file).strip());
        } catch (IOException | UnsupportedOperationException e) {
            problems.add(
                    new RouteProblem(key, "secrets 文件 " + file + " 无法读取", "secrets file " + file + " cannot be read"));
            return java.util.Optional.empty();
        }
    }

    private static boolean plainSetting(String name) {
        return SETTING.matcher(name).matches() && !SECRET_SETTING.matcher(name).matches();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
