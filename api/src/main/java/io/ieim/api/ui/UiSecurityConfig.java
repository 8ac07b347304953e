package io.ieim.api.ui;

import io.ieim.api.config.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import io.ieim.api.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The review UI's security: a browser session from the authorization code flow at the API's issuer,
 * with CSRF protection on every form. Ordered before the API's chain and limited to the UI's paths,
 * so that /api/v1 stays stateless and keeps answering 401 envelopes instead of redirecting to a
 * sign-in page. Who may use which page comes from {@link UiRoutes}, i.e. from the API's route table.
 */
@Configuration(proxyBeanMethods = false)
public class UiSecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(UiSecurityConfig.class);

    static final String SIGN_IN = "/oauth2/authorization/" + IssuerClientRegistration.REGISTRATION_ID;
    static final String SIGNED_OUT = "/ui/signed-out";
    static final String SIGN_IN_FAILED = "/ui/sign-in-failed";

    @Bean
    ClientRegistrationRepository uiClientRegistration(ApiProperties properties) {
        return new IssuerClientRegistration(properties.oidc().issuerUri(), properties.ui());
    }

    @Bean
    @Order(1)
    SecurityFilterChain reviewUi(HttpSecurity http, ClientRegistrationRepository registrations, UiErrorPages pages)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // also ends the session at the provider when it offers end_session_endpoint (Keycloak does)
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        signedOut.setDefaultTargetUrl(SIGNED_OUT);

        http.securityMatcher("/ui", "/ui/**", "/login/**", "/oauth2/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(SIGNED_OUT, SIGN_IN_FAILED).permitAll();
                    for (UiRoutes.UiRoute route : UiRoutes.ROUTES) {
                        auth.requestMatchers(route.method(), route.pattern()).hasAnyRole(
                                route.roles().stream().map(Role::claim).toArray(String[]::new));
                    }
                    auth.anyRequest().denyAll();
                })
                .oauth2Login(login -> login
                        // the one provider: no page to choose from, straight to its sign-in
                        .loginPage(SIGN_IN)
                        .failureHandler(UiSecurityConfig::signInFailed)
                        .defaultSuccessUrl(UiRoutes.QUEUES)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(UiSecurityConfig::roles)))
                .logout(logout -> logout.logoutUrl("/ui/logout").logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        pages.write(request, response, 403, "csrf_rejected",
                                "This form has expired or did not come from this application. Reload the page and try again.");
                    } else {
                        pages.write(request, response, 403, "forbidden", "Your roles do not allow this.");
                    }
                }));
        return http.build();
    }

    /** Logs why (the OAuth2 error code and description, never a token) and shows the sign-in-failed page. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException failure) throws IOException {
        String why = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
                : failure.getClass().getSimpleName();
        LOG.warn("review UI sign-in failed: {}", why);
        response.sendRedirect(request.getContextPath() + SIGN_IN_FAILED);
    }

    /**
     * The ID token's {@code roles} claim as the same ROLE_* authorities the API grants for an access
     * token's; unknown role names are dropped and nothing else is kept, so no role means no access.
     */
    static Collection<? extends GrantedAuthority> roles(Collection<? extends GrantedAuthority> granted) {
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                List<String> claim = oidc.getIdToken().getClaimAsStringList("roles");
                if (claim == null) {
                    continue;
                }
                for (String name : claim) {
                    Arrays.stream(Role.values()).filter(r -> r.claim().equals(name))
                            .forEach(r -> roles.add(new SimpleGrantedAuthority(r.authority())));
                }
            }
        }
        return roles;
    }
}
