package dev.shortener.create.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The management API's ObjectMapper (one per execution environment: building one is expensive, using it is
 * thread-safe). The API reads request bodies strictly and writes records in a declared member order, which is
 * databind's work; SnapStart snapshots it already warm. The redirect path writes its few documents with
 * jackson-jr instead ({@link dev.shortener.http.Json}).
 */
final class ApiJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ApiJson() {}

    /** Serialises values this project built itself, which always serialise. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }
}
