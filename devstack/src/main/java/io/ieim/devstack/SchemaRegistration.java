package io.ieim.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ieim.avro.AvroContracts;
import io.ieim.spec.TopicSpec;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Registers each topic's value schema in Apicurio under the artifact id the serde's default
 * TopicIdStrategy looks up ({@code <topic>-value}), and sets the BACKWARD compatibility rule before
 * the first version so that every later version is checked by the registry too.
 */
final class SchemaRegistration {

    /** The serdes' default group. */
    static final String GROUP = "default";
    static final String COMPATIBILITY = "BACKWARD";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String registryUrl;

    SchemaRegistration(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    static String artifactId(TopicSpec topic) {
        return topic.name() + "-value";
    }

    /** Returns the artifact ids that got a new version. */
    List<String> register(Collection<TopicSpec> topics) throws IOException {
        List<String> changed = new ArrayList<>();
        for (TopicSpec topic : topics) {
            if (topic.valueSchema() == null || topic.valueSchema().isBlank()) {
                continue;
            }
            Schema schema = AvroContracts.schema(topic.valueSchema());
            if (register(artifactId(topic), schema)) {
                changed.add(artifactId(topic));
            }
        }
        return changed;
    }

    private boolean register(String artifactId, Schema schema) throws IOException {
        String base = registryUrl + "/groups/" + GROUP + "/artifacts";
        String artifactUrl = base + "/" + URLEncoder.encode(artifactId, StandardCharsets.UTF_8);
        ObjectNode content = JSON.createObjectNode()
                .put("content", schema.toString())
                .put("contentType", "application/json");
        Http.Response existing = Http.get(artifactUrl);
        if (existing.status() == 404) {
            ObjectNode create = JSON.createObjectNode()
                    .put("artifactId", artifactId)
                    .put("artifactType", "AVRO");
            // an empty artifact first, then its rule, then the version: no version exists unchecked
            expectOk(Http.send("POST", base, create.toString()), "create " + artifactId);
            setRule(artifactUrl);
        } else {
            expectOk(existing, "look up " + artifactId);
            setRule(artifactUrl);
            // an identical schema finds the existing version instead of adding one
            Http.Response latest = Http.get(artifactUrl + "/versions/branch=latest/content");
            if (latest.ok() && new Schema.Parser().parse(latest.body()).equals(schema)) {
                return false;
            }
        }
        ObjectNode version = JSON.createObjectNode();
        version.set("content", content);
        expectOk(Http.send("POST", artifactUrl + "/versions", version.toString()),
                "add a version to " + artifactId + " (the registry checks " + COMPATIBILITY + ")");
        return true;
    }

    private void setRule(String artifactUrl) throws IOException {
        Http.Response rule = Http.get(artifactUrl + "/rules/COMPATIBILITY");
        if (rule.status() == 404) {
            expectOk(Http.send("POST", artifactUrl + "/rules",
                    "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"" + COMPATIBILITY + "\"}"), "set rule");
        } else {
            expectOk(Http.send("PUT", artifactUrl + "/rules/COMPATIBILITY",
                    "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"" + COMPATIBILITY + "\"}"), "update rule");
        }
    }

    private static void expectOk(Http.Response response, String what) throws IOException {
        if (!response.ok()) {
            throw new IOException("registry: " + what + " failed with HTTP " + response.status() + ": "
                    + response.body());
        }
    }
}
