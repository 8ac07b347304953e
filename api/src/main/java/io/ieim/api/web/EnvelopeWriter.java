package io.ieim.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/** Writes the error envelope where no MVC handler runs: the security chain and the rate limiter. */
@Component
public class EnvelopeWriter {

    private final ObjectMapper json;

    public EnvelopeWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String message, Map<String, Object> details, boolean retryable) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                new ErrorEnvelope(code, message, details, CorrelationIdFilter.of(request), retryable));
    }
}
