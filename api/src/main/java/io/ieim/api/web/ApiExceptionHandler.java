package io.ieim.api.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders every error of the MVC layer, Spring's own (404, 405, 415, ...) included, as the error
 * envelope. Messages are fixed texts or field names: request values are never echoed or logged.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return envelope(e.status(), e.errorCode(), e.getMessage(), e.details(), e.retryable(), request, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "invalid_parameter", "parameter " + e.getName() + " is malformed",
                Map.of("field", e.getName()), false, request, null);
    }

    // thrown inside a handler they are the security layer's business: pass them on to its handlers
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, SerializationException.class})
    ResponseEntity<Object> unavailable(RuntimeException e, HttpServletRequest request) {
        LOG.warn("dependency unavailable: {}", e.getClass().getSimpleName());
        return envelope(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "a backing service is unavailable; retry later", Map.of(), true, request, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected failure", e);
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error", Map.of(), false,
                request, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<String> fields = e.getBindingResult().getFieldErrors().stream().map(FieldError::getField)
                .map(ApiExceptionHandler::snake).distinct().sorted().toList();
        return envelope(HttpStatus.BAD_REQUEST, "invalid_field", "invalid field(s): " + String.join(", ", fields),
                Map.of("fields", fields), false, servlet(request), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        String message = "the request body is not valid JSON for this operation";
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            details.put("field", field);
            message = mismatch instanceof UnrecognizedPropertyException ? "unknown field " + field
                    : mismatch instanceof InvalidFormatException ? "field " + field + " has the wrong type"
                    : "field " + field + " is malformed";
        }
        return envelope(HttpStatus.BAD_REQUEST, "malformed_body", message, details, false, servlet(request), null);
    }

    /** An upload over the multipart limit, refused while the request is read (before the controller). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ApiException tooLarge = MailUploadController.tooLarge(e.getMaxUploadSize());
        return envelope(tooLarge.status(), tooLarge.errorCode(), tooLarge.getMessage(), tooLarge.details(), false,
                servlet(request), null);
    }

    /** Spring's own exceptions (no handler, wrong method, media type, ...): same envelope, code from the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String code = known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
        String message = known == null ? "error" : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return envelope(status, code, message, Map.of(), status.is5xxServerError(), servlet(request), headers);
    }

    private static ResponseEntity<Object> envelope(HttpStatusCode status, String code, String message,
                                                   Map<String, Object> details, boolean retryable,
                                                   HttpServletRequest request, @Nullable HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers); // e.g. Allow on 405, Accept on 415
        }
        return ResponseEntity.status(status).headers(out).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(new ErrorEnvelope(code, message, details, CorrelationIdFilter.of(request), retryable));
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
