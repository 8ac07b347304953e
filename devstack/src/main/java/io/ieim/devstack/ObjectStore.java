package io.ieim.devstack;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An S3-compatible object store for raw MIME: s3proxy over a filesystem blob store. The product only
 * talks S3 (through the MinIO client), so production points the same code at MinIO or any S3.
 */
final class ObjectStore extends ProcessPart {

    private final Path dir;

    ObjectStore(StackConfig config) {
        super(config, "s3", Duration.ofSeconds(60), Duration.ofSeconds(15));
        this.dir = config.varDir().resolve("s3");
    }

    @Override
    public String address() {
        return config.s3Endpoint();
    }

    @Override
    public void start() throws Exception {
        if (running()) {
            return;
        }
        Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + config.s3Endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + config.s3AccessKey(),
                "s3proxy.credential=" + config.s3SecretKey(),
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("data"),
                ""), StandardCharsets.UTF_8);
        // s3proxy ships no logging configuration, and logback's default is DEBUG for everything
        // (hundreds of MB of Jetty chatter per test run): log warnings only
        Path logging = writeQuietLogging(dir, "org.gaul.s3proxy", "INFO");
        String classpath = JavaRuntime.classpathOf(config.serversDir().resolve("s3/target/lib"));
        process.start(JavaRuntime.command("256m", classpath, "org.gaul.s3proxy.Main",
                List.of("-Dlogback.configurationFile=" + logging),
                List.of("--properties", properties.toString())), dir, Map.of());
    }

    MinioClient client() {
        return MinioClient.builder().endpoint(config.s3Endpoint())
                .credentials(config.s3AccessKey(), config.s3SecretKey()).build();
    }

    /** Creates the raw-mail bucket once. */
    void ensureBucket() throws Exception {
        try (MinioClient client = client()) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
            }
        }
    }

    @Override
    public boolean healthy() {
        try (MinioClient client = client()) {
            client.listBuckets();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

}
