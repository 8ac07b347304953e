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
    @Bean(destroyMethod = "close")
    @Lazy
    Serializer<ReviewAction> reviewActionSerializer(ApiProperties properties) {
        return RegistrySerdes.valueSerializer(properties.registryUrl());
    }
}
