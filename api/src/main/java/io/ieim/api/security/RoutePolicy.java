package io.ieim.api.security;

import java.util.List;
import java.util.Set;

import static io.ieim.api.security.Role.ADMIN;
import static io.ieim.api.security.Role.APPROVER;
import static io.ieim.api.security.Role.AUDITOR;
import static io.ieim.api.security.Role.INGEST;
import static io.ieim.api.security.Role.PRIVACY_OFFICER;
import static io.ieim.api.security.Role.REVIEWER;

/**
 * Which roles may call which route: the one table the security filter chain is built from. The
 * OpenAPI document states the same as {@code x-required-roles}; a test generated from the document
 * checks that both agree. Each route path has exactly one method, so a wrong method reaches MVC
 * and is answered 405.
 */
public final class RoutePolicy {

    public record Route(String method, String pattern, Set<Role> roles) {
    }

    public static final Set<Role> READERS = Set.of(REVIEWER, APPROVER, PRIVACY_OFFICER, AUDITOR, ADMIN);
    public static final Set<Role> REVIEW_EDITORS = Set.of(REVIEWER, PRIVACY_OFFICER, ADMIN);
    public static final Set<Role> DRAFT_DECIDERS = Set.of(APPROVER, ADMIN);
    public static final Set<Role> RAW_MAIL_READERS = Set.of(PRIVACY_OFFICER, ADMIN);
    public static final Set<Role> MAIL_UPLOADERS = Set.of(INGEST, ADMIN);

    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/queues", READERS),
            new Route("GET", "/api/v1/queues/*/items", READERS),
            new Route("GET", "/api/v1/items/*", READERS),
            new Route("GET", "/api/v1/items/*/raw", RAW_MAIL_READERS),
            new Route("POST", "/api/v1/items/*/assignment", REVIEW_EDITORS),
            new Route("POST", "/api/v1/items/*/corrections", REVIEW_EDITORS),
            new Route("POST", "/api/v1/items/*/drafts", REVIEW_EDITORS),
            new Route("POST", "/api/v1/drafts/*/decision", DRAFT_DECIDERS),
            new Route("POST", "/api/v1/mails", MAIL_UPLOADERS));

    /**
     * The roles of one route of the table. The review UI asks here rather than keeping its own rules:
     * each of its pages and forms does what one API route does, so it needs that route's roles.
     */
    public static Set<Role> rolesOf(String method, String pattern) {
        return ROUTES.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern))
                .findFirst().map(Route::roles)
                .orElseThrow(() -> new IllegalArgumentException("no route " + method + " " + pattern));
    }

    private RoutePolicy() {
    }
}
