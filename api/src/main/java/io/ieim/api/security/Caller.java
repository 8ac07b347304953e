package io.ieim.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls: the token subject (an id, not a name) and the roles. Services take a Caller rather than
 * Spring's Authentication so that server-rendered pages can reuse them.
 */
public record Caller(String subject, Set<Role> roles) {

    public static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add);
        }
        return new Caller(authentication.getName(), Set.copyOf(roles));
    }

    /** Items of queue PRIVACY exist only for privacy officers and admins. */
    public boolean seesPrivacyItems() {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.ADMIN);
    }
}
