package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.api.http.Access;
import io.callvault.api.http.Route;
import io.callvault.api.system.OpenApiRoute;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** openapi.yaml describes exactly the routes the API registers, each with the responses its access implies. */
class OpenApiContractTest {
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @TempDir
    static Path dir;
    static ApiFixture f;
    static Map<String, Object> doc;
    static List<Route> routes;

    @BeforeAll
    static void load() throws Exception {
        f = new ApiFixture(dir);
        routes = Api.routes(f.context);
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(OpenApiRoute.RESOURCE)) {
            doc = new Yaml().load(in);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void document_isOpenApi31() {
        assertThat(String.valueOf(doc.get("openapi"))).startsWith("3.1.");
    }

    @Test
    void documentedOperations_equalRegisteredRoutes() {
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> map(item).keySet().stream().filter(METHODS::contains)
                .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> registered = new TreeSet<>();
        routes.forEach(r -> registered.add(r.describe()));
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void everyAuthenticatedOperation_documents401And403_andPublicOnesNeedNoSecurity() {
        List<String> problems = new ArrayList<>();
        for (Route r : routes) {
            Map<String, Object> op = operation(r);
            Map<String, Object> responses = map(op.get("responses"));
            boolean declaredPublic = op.containsKey("security") && ((List<?>) op.get("security")).isEmpty();
            if (r.access() == Access.PUBLIC) {
                if (!declaredPublic) {
                    problems.add(r.describe() + " is public but does not say security: []");
                }
            } else {
                if (declaredPublic) {
                    problems.add(r.describe() + " needs credentials but says security: []");
                }
                if (!responses.containsKey("401") || !responses.containsKey("403")) {
                    problems.add(r.describe() + " does not document 401 and 403");
                }
            }
            if (!responses.containsKey("500")) {
                problems.add(r.describe() + " does not document 500");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPathParameter_isDeclared_andOperationIdsAreUnique() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        paths().forEach((path, item) -> {
            Map<String, Object> pathItem = map(item);
            for (String method : pathItem.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                Map<String, Object> op = map(pathItem.get(method));
                if (!operationIds.add(String.valueOf(op.get("operationId")))) {
                    problems.add("duplicate or missing operationId on " + method + " " + path);
                }
                Set<String> declared = new HashSet<>();
                for (Object p : concat(pathItem.get("parameters"), op.get("parameters"))) {
                    Map<String, Object> param = resolve(map(p));
                    if ("path".equals(param.get("in"))) {
                        declared.add(String.valueOf(param.get("name")));
                    }
                }
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
                while (m.find()) {
                    if (!declared.contains(m.group(1))) {
                        problems.add(method + " " + path + " does not declare path parameter " + m.group(1));
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReference_resolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(doc, broken);
        assertThat(broken).isEmpty();
    }

    @Test
    void document_isServedWithoutCredentials() throws Exception {
        Http.Response r = f.http.get("/api/v1/openapi.yaml", Http.Auth.NONE);
        assertThat(r.status()).isEqualTo(200);
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(OpenApiRoute.RESOURCE)) {
            assertThat(r.body()).isEqualTo(in.readAllBytes());
        }
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> item = map(paths().get(r.path()));
        assertThat(item).as("path " + r.path() + " documented").isNotNull();
        Map<String, Object> op = map(item.get(r.method().toString().toLowerCase(Locale.ROOT)));
        assertThat(op).as(r.describe() + " documented").isNotNull();
        return op;
    }

    private static void collectRefs(Object node, List<String> broken) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String s && lookup(s) == null) {
                broken.add(s);
            }
            m.values().forEach(v -> collectRefs(v, broken));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, broken));
        }
    }

    private static Object lookup(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        Object node = doc;
        for (String part : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return null;
            }
            node = m.get(part);
        }
        return node;
    }

    private static Map<String, Object> resolve(Map<String, Object> node) {
        return node.containsKey("$ref") ? map(lookup((String) node.get("$ref"))) : node;
    }

    private static List<Object> concat(Object a, Object b) {
        List<Object> all = new ArrayList<>();
        if (a instanceof List<?> l) {
            all.addAll(l);
        }
        if (b instanceof List<?> l) {
            all.addAll(l);
        }
        return all;
    }

    private static Map<String, Object> paths() {
        return map(doc.get("paths"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
