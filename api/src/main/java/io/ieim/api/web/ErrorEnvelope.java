package io.ieim.api.web;

import java.util.Map;

/** The body of every 4xx and 5xx answer. {@code details} never carries request text (reasons, draft bodies). */
public record ErrorEnvelope(String errorCode, String message, Map<String, Object> details, String correlationId,
                            boolean retryable) {
}
