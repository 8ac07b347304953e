package io.ieim.api.security;

import io.ieim.api.config.ApiProperties;
import io.ieim.api.web.EnvelopeWriter;
import io.ieim.api.web.RateLimitFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.Map;

/**
 * Fail closed: only health probes and the OpenAPI document are open; every route of
 * {@link RoutePolicy} needs a valid token (else 401) carrying one of its roles (else 403); the
 * metrics need admin. Stateless: no session, no CSRF token (bearer tokens are not sent by browsers
 * on their own). This chain matches every request the review UI's chain
 * ({@code io.ieim.api.ui.UiSecurityConfig}, ordered first) leaves, so it must stay last.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain api(HttpSecurity http, EnvelopeWriter envelopes, ApiProperties properties) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            envelopes.write(request, response, 401, "unauthenticated",
                    "a valid bearer token is required", Map.of(), false);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> envelopes.write(request, response, 403,
                "forbidden", "the token's roles do not allow this operation", Map.of(), false);

        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // errors of already authorized requests are rendered on the error dispatch
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                            "/api/v1/openapi.yaml").permitAll();
                    auth.requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.claim());
                    for (RoutePolicy.Route route : RoutePolicy.ROUTES) {
                        auth.requestMatchers(route.pattern()).hasAnyRole(
                                route.roles().stream().map(Role::claim).toArray(String[]::new));
                    }
                    // any other path: a known caller gets an envelope 404 from MVC, never data
                    auth.requestMatchers("/api/**").authenticated();
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(new RateLimitFilter(properties.rateLimit(), envelopes),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
