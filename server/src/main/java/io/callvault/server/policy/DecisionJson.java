package io.callvault.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.callvault.api.http.Json;
import io.callvault.api.policy.DecisionView;
import io.callvault.policy.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy {@link Decision} as JSON text, the form stored in {@code DecisionRecord.decisionJson} and printed by
 * {@code policy explain --json}; and stored text back to a map for embedding in other documents. The layout
 * is {@link DecisionView}'s (one definition for the API, the CLI and the store): every field of the decision,
 * keys in a fixed order, so equal decisions give equal text. Pure and thread-safe.
 */
public final class DecisionJson {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private DecisionJson() {
    }

    /** Compact JSON text of the decision (no spaces, UTF-8 safe). */
    public static String toJson(Decision decision) {
        try {
            return Json.MAPPER.writeValueAsString(DecisionView.toMap(decision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision map holds only JSON values", e);
        }
    }

    /** Compact JSON text of a map of JSON values (strings, numbers, booleans, null, lists, maps). */
    public static String write(Map<String, Object> values) {
        try {
            return Json.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the map holds only JSON values", e);
        }
    }

    /** The decision as an ordered map of JSON values, without going through text. */
    public static Map<String, Object> toMap(Decision decision) {
        return DecisionView.toMap(decision);
    }

    /**
     * Parses stored decision text back into an ordered map (nested objects as ordered maps, arrays as lists),
     * for embedding in another JSON document.
     *
     * @throws IllegalArgumentException if the text is not one JSON object
     */
    public static Map<String, Object> toMap(String json) {
        try {
            LinkedHashMap<String, Object> map = Json.MAPPER.readValue(json, OBJECT);
            if (map == null) {
                throw new IllegalArgumentException("a stored decision is a JSON object, not null");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored decision (a JSON object): " + e.getOriginalMessage(), e);
        }
    }
}
