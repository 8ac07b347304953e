package io.ieim.devstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Map;

/** What {@code ieim dev status --json} prints: every address a client needs and each part's health. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackStatus(
        @JsonProperty("var_dir") String varDir,
        @JsonProperty("kafka_bootstrap") String kafkaBootstrap,
        @JsonProperty("registry_url") String registryUrl,
        @JsonProperty("postgres_jdbc_url") String postgresJdbcUrl,
        @JsonProperty("s3_endpoint") String s3Endpoint,
        @JsonProperty("connect_url") String connectUrl,
        @JsonProperty("raw_mail_bucket") String rawMailBucket,
        @JsonProperty("oidc_issuer") String oidcIssuer,
        @JsonProperty("parts") Map<String, Part> parts,
        @JsonProperty("start_millis") Long startMillis) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(@JsonProperty("address") String address,
                       @JsonProperty("running") boolean running,
                       @JsonProperty("healthy") boolean healthy,
                       @JsonProperty("start_millis") Long startMillis) {
    }

    @JsonProperty("healthy")
    public boolean healthy() {
        return parts.values().stream().allMatch(Part::healthy);
    }

    public String toJson() {
        try {
            return EmbeddedStack.json().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
