package io.ieim.api.ui;

import io.ieim.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI's pages as HTML pages, ahead of the API's envelope handler (which would answer
 * JSON). A stale form (412) gets its own friendly text and a link to reload the item.
 */
@ControllerAdvice(assignableTypes = ReviewUiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UiExceptionHandler.class);

    private final UiErrorPages pages;

    public UiExceptionHandler(UiErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        String itemPage = itemPage(request);
        if (e.status() == HttpStatus.PRECONDITION_FAILED) {
            return pages.view(request, 412, e.errorCode(), "This item changed since you opened it: someone acted on "
                    + "it or a new decision arrived. Reload it, check the change and try again.", itemPage);
        }
        // the services' messages are fixed texts that never echo request values
        return pages.view(request, e.status().value(), e.errorCode(), e.getMessage(), itemPage);
    }

    // the security chain's handlers answer these (sign-in, or the 403 page)
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            BindException.class, HttpRequestMethodNotSupportedException.class})
    ModelAndView malformed(Exception e, HttpServletRequest request) {
        return pages.view(request, 400, "invalid_form",
                "The form was incomplete or malformed. Reload the page and try again.", itemPage(request));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, SerializationException.class})
    ModelAndView unavailable(RuntimeException e, HttpServletRequest request) {
        LOG.warn("dependency unavailable: {}", e.getClass().getSimpleName());
        return pages.view(request, 503, "unavailable", "A backing service is unavailable. Try again in a moment.",
                null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected failure in the review UI", e);
        return pages.view(request, 500, "internal_error", "Something went wrong on our side.", null);
    }

    /** For a form on an item ({@code /ui/items/<id>/<form>}): the item's page, to reload. */
    private static String itemPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        return parts.length == 5 && "ui".equals(parts[1]) && "items".equals(parts[2])
                ? request.getContextPath() + "/ui/items/" + parts[3] : null;
    }
}
