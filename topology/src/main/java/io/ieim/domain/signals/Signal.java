package io.ieim.domain.signals;

import io.ieim.spec.TextSource;

/**
 * One piece of identifying evidence found in a mail, with where it came from.
 *
 * @param kind   what it is
 * @param value  canonical form (KF-20481234, SC-2026-004512, CU-1002345, a lower-cased address,
 *               a normalized name, an ISO date, a postal code)
 * @param source where it was found
 * @param start  offset of the match in that source text (-1 when not from a text span)
 * @param end    end offset (exclusive), -1 likewise
 */
public record Signal(SignalKind kind, String value, TextSource source, int start, int end) {
}
