package io.ieim.api.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/** A refusal the API answers with the error envelope; services throw it, the handler renders it. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final Map<String, Object> details;
    private final boolean retryable;

    public ApiException(HttpStatus status, String errorCode, String message, Map<String, Object> details,
                        boolean retryable) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.details = details == null ? Map.of() : details;
        this.retryable = retryable;
    }

    public ApiException(HttpStatus status, String errorCode, String message) {
        this(status, errorCode, message, Map.of(), false);
    }

    public static ApiException badRequest(String code, String message, Map<String, Object> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, details, false);
    }

    /** Field errors name the field, never echo the value (it may be personal data). */
    public static ApiException invalidField(String field, String message) {
        return badRequest("invalid_field", message, Map.of("field", field));
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public Map<String, Object> details() {
        return details;
    }

    public boolean retryable() {
        return retryable;
    }
}
