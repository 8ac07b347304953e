package io.ieim.domain.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a versioned rules file into its (record) model with Jackson YAML: snake_case keys, unknown
 * keys rejected, labels bound to the generated enums of {@code io.ieim.spec} so that an unknown intent,
 * flag, queue or action fails with the line it is on.
 */
public final class RulesYaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RulesYaml() {
    }

    /**
     * Reads the stream as YAML into {@code type}.
     *
     * @param what names the file kind in error messages, e.g. "classification rules"
     * @throws RulesFormatException with the line on any syntax or binding error
     */
    public static <T> T read(InputStream in, Class<T> type, String what) {
        Objects.requireNonNull(in, "in");
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new RulesFormatException(what + ": empty file");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new RulesFormatException(what + ": " + describe(e), e);
        } catch (IOException e) {
            throw new RulesFormatException(what + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ": ";
        String path = "";
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            path = " (at " + pathOf(mie) + ")";
        }
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            return where + "unknown " + ife.getTargetType().getSimpleName() + " '" + ife.getValue() + "'" + path;
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return where + "unknown key '" + upe.getPropertyName() + "'" + path;
        }
        String message = e.getOriginalMessage();
        int nl = message.indexOf('\n');
        return where + (nl < 0 ? message : message.substring(0, nl)) + path;
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
