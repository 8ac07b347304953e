package io.ieim.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The reviewers' HTTP API over the review projections (see api/README.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewApiApplication.class, args);
    }
}
