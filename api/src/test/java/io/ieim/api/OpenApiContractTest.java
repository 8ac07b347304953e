package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ieim.api.security.Role;
import io.ieim.api.security.RoutePolicy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The checked-in OpenAPI document is the contract: it matches the controllers and drives the authorization matrix. */
class OpenApiContractTest extends ApiStackTestBase {

    private static final String UI_PACKAGE = "io.ieim.api.ui";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Operation(String method, String path, Set<Role> roles) {
        String concretePath() {
            return path.replace("{queue}", "GENERAL").replace("{messageId}", "0".repeat(64))
                    .replace("{draftId}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Operation> documented() {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/static/openapi.yaml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Operation> operations = new ArrayList<>();
            doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                op.getValue().path("x-required-roles").forEach(r -> roles.add(Role.fromClaim(r.asText())));
                assertThat(roles).as(op.getKey() + " " + path.getKey() + " has x-required-roles").isNotEmpty();
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), roles));
            }));
            return operations;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDocumentNamesExactlyTheControllersOperations() {
        Set<String> mapped = new TreeSet<>();
        int uiPages = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            // The review UI's controllers (package io.ieim.api.ui) serve HTML pages under /ui, not
            // API operations: they are left out by package, and may never map an /api/ path.
            if (handler.getValue().getBeanType().getPackageName().equals(UI_PACKAGE)) {
                assertThat(info.getPatternValues()).as("UI mappings stay out of /api/").noneMatch(p -> p.startsWith("/api/"));
                uiPages++;
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as(pattern + " names its method").isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> inDocument = documented().stream().map(Operation::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).hasSize(9).isEqualTo(inDocument);
        assertThat(uiPages).as("the UI controllers were seen (and left out)").isPositive();
    }

    @Test
    void theSecurityRouteTableStatesTheDocumentsRoles() {
        for (Operation op : documented()) {
            String ant = op.path().replaceAll("\\{[^}]+}", "*");
            RoutePolicy.Route route = RoutePolicy.ROUTES.stream()
                    .filter(r -> r.pattern().equals(ant) && r.method().equals(op.method())).findFirst()
                    .orElseThrow(() -> new AssertionError("no route rule for " + op));
            assertThat(route.roles()).as(op.toString()).isEqualTo(op.roles());
        }
    }

    @Test
    void theDocumentIsServedWithoutAToken() {
        HttpResponse<String> response = get("/api/v1/openapi.yaml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.1.0").contains("x-required-roles");
    }

    /** For every operation: no token 401, only other roles 403, each required role passes authorization. */
    @TestFactory
    Stream<DynamicTest> authorizationMatrixFromTheDocument() {
        return documented().stream().flatMap(op -> {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(op + ": no token -> 401", () -> {
                HttpResponse<String> response = call(op, null);
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(json(response).path("error_code").asText()).isEqualTo("unauthenticated");
            }));
            Set<Role> others = EnumSet.complementOf(EnumSet.copyOf(op.roles()));
            tests.add(DynamicTest.dynamicTest(op + ": only roles " + others + " -> 403", () -> {
                String[] claims = others.stream().map(Role::claim).toArray(String[]::new);
                HttpResponse<String> response = call(op, token(uniqueSubject("matrix"), claims));
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(json(response).path("error_code").asText()).isEqualTo("forbidden");
            }));
            for (Role role : op.roles()) {
                tests.add(DynamicTest.dynamicTest(op + ": role " + role.claim() + " is authorized", () -> {
                    HttpResponse<String> response = call(op, token(uniqueSubject("matrix"), role.claim()));
                    assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
                    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
                }));
            }
            return tests.stream();
        });
    }

    private HttpResponse<String> call(Operation op, String token) {
        return op.method().equals("GET") ? get(op.concretePath(), token)
                : post(op.concretePath(), token, "{}", "Idempotency-Key", UUID.randomUUID().toString(),
                "If-Match", "\"1.0\"");
    }

    @Test
    void rolesOfTheDocumentAreTheTokenRoles() {
        Set<String> used = documented().stream().flatMap(o -> o.roles().stream()).map(Role::claim)
                .collect(Collectors.toSet());
        assertThat(used).isEqualTo(Arrays.stream(Role.values()).map(Role::claim).collect(Collectors.toSet()));
    }
}
