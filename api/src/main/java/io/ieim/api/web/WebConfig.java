package io.ieim.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the checked-in OpenAPI document under the API's own prefix. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // a pattern, not the exact path: the resource is looked up by the part the pattern matched
        registry.addResourceHandler("/api/v1/openapi.*").addResourceLocations("classpath:/static/");
    }
}
