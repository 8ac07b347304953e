package io.ieim.api.ui;

import io.ieim.api.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The UI's error page: status, error code, a fixed message and the correlation id to quote to
 * support. Never a stack trace, never request text. Rendered from MVC (a view) and from the security
 * chain (written directly, where no view resolution runs).
 */
@Component
public class UiErrorPages {

    static final String TEMPLATE = "ui/error";

    private final ITemplateEngine templates;

    public UiErrorPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    ModelAndView view(HttpServletRequest request, int status, String code, String message, String reloadUrl) {
        ModelAndView view = new ModelAndView(TEMPLATE, model(request, status, code, message, reloadUrl));
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return view;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Context context = new Context(request.getLocale(), model(request, status, code, message, null));
        templates.process(TEMPLATE, context, response.getWriter());
    }

    private static Map<String, Object> model(HttpServletRequest request, int status, String code, String message,
                                             String reloadUrl) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("errorCode", code);
        model.put("message", message);
        model.put("correlationId", CorrelationIdFilter.of(request));
        model.put("reloadUrl", reloadUrl);
        // plain links: a page written outside MVC has no context for @{...} links
        model.put("home", request.getContextPath() + UiRoutes.QUEUES);
        return model;
    }
}
