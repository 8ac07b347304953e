package io.ieim.api.config;

import io.ieim.avro.RegistrySerdes;
import io.ieim.avro.ReviewAction;
import io.minio.MinioClient;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Clients of the object store and the schema registry. */
@Configuration(proxyBeanMethods = false)
public class InfrastructureConfig {

    @Bean
    MinioClient rawMailObjectStore(ApiProperties properties) {
        ApiProperties.S3 s3 = properties.s3();
        // the region is given so presigning needs no bucket-location round trip
        return MinioClient.builder().endpoint(s3.endpoint()).region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey()).build();
    }

    /**
     * The registry serde, configured only by {@link RegistrySerdes}, so the outbox payload is byte
     * for byte what any other producer of the reviewer-actions topic would write. Lazy: the registry
     * is needed by the first mutation, not to start.
     */
    /**
     * The shared mail intake (the same code as {@code ieim ingest} and the SMTP gateway). Lazy:
     * Kafka is needed by the first upload, not to start; the producer is built on first use anyway.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    io.ieim.ingest.MailIntake mailIntake(ApiProperties properties) {
        ApiProperties.S3 s3 = properties.s3();
        if (properties.kafkaBootstrap() == null || properties.kafkaBootstrap().isBlank()) {
            throw new IllegalStateException("ieim.api.kafka-bootstrap is not set");
        }
        return new io.ieim.ingest.MailIntake(new io.ieim.ingest.MailIntake.Settings(properties.kafkaBootstrap(),
                properties.registryUrl(), s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), "ieim-api-ingest"),
                new io.ieim.domain.mail.MailNormalizer(io.ieim.domain.mail.NormalizationLimits.from(System.getenv())));
    }

    @Bean(destroyMethod = "close")
    @Lazy
    Serializer<ReviewAction> reviewActionSerializer(ApiProperties properties) {
        return RegistrySerdes.valueSerializer(properties.registryUrl());
    }
}
