package io.ieim.api.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.ieim.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per token subject, checked after the token is verified (so a forged subject cannot
 * drain someone else's bucket) and before authorization. Buckets live in this instance's memory:
 * behind N replicas a user gets up to N times the rate, which is enough to stop a runaway client.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final ApiProperties.RateLimit limit;
    private final EnvelopeWriter envelopes;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(ApiProperties.RateLimit limit, EnvelopeWriter envelopes) {
        this.limit = limit;
        this.envelopes = envelopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!limit.enabled() || !(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(token.getName(), subject -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        envelopes.write(request, response, 429, "rate_limited", "too many requests; retry after "
                + retryAfter + " s", Map.of("retry_after_seconds", retryAfter), true);
    }
}
