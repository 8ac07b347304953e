package io.ieim.api.ui;

import io.ieim.api.security.Caller;
import io.ieim.api.security.Role;
import io.ieim.api.security.RoutePolicy;
import org.springframework.http.HttpMethod;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The review UI's pages and forms, each tied to the API route it stands for. The roles come from
 * {@link RoutePolicy}, so the UI and the API cannot disagree on who may do what; the security chain
 * and the templates (which forms to show) both ask here.
 */
public final class UiRoutes {

    public record UiRoute(HttpMethod method, String pattern, Set<Role> roles) {
    }

    public static final String QUEUES = "/ui";
    public static final String QUEUE_ITEMS = "/ui/queues/*";
    public static final String ITEM = "/ui/items/*";
    public static final String CLAIM = "/ui/items/*/claim";
    public static final String CORRECT = "/ui/items/*/corrections";
    public static final String CREATE_DRAFT = "/ui/items/*/drafts";
    public static final String DECIDE_DRAFT = "/ui/drafts/*/decision";

    public static final List<UiRoute> ROUTES = List.of(
            route(HttpMethod.GET, QUEUES, "/api/v1/queues"),
            route(HttpMethod.GET, QUEUE_ITEMS, "/api/v1/queues/*/items"),
            route(HttpMethod.GET, ITEM, "/api/v1/items/*"),
            route(HttpMethod.POST, CLAIM, "/api/v1/items/*/assignment"),
            route(HttpMethod.POST, CORRECT, "/api/v1/items/*/corrections"),
            route(HttpMethod.POST, CREATE_DRAFT, "/api/v1/items/*/drafts"),
            route(HttpMethod.POST, DECIDE_DRAFT, "/api/v1/drafts/*/decision"));

    private UiRoutes() {
    }

    private static UiRoute route(HttpMethod method, String pattern, String apiPattern) {
        return new UiRoute(method, pattern, RoutePolicy.rolesOf(method.name(), apiPattern));
    }

    /** Whether the caller may use the page or form {@code pattern} (one of this class's constants). */
    public static boolean allows(Caller caller, String pattern) {
        UiRoute route = ROUTES.stream().filter(r -> r.pattern().equals(pattern)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no UI route " + pattern));
        return !Collections.disjoint(route.roles(), caller.roles());
    }
}
