package org.civicgraph.gateway.execution;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers are written byte for byte as the JSON mapper writes them. */
class ResultJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void anAnswerIsWrittenAsTheMapperWritesIt() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", "Lincolnshire — “county” \\ \t\u0001 😀");
        record.put("value", -0.1);
        record.put("points", 5);
        record.put("big", Long.MAX_VALUE);
        record.put("latest", null);
        record.put("behindPlan", false);
        record.put("amount", new BigDecimal("1.50"));
        record.put("on", LocalDate.of(2026, 11, 22));
        record.put("nan", Double.NaN);
        Map<Object, Object> otherKeys = new LinkedHashMap<>();
        otherKeys.put(7, "seven");
        List<Object> records = new ArrayList<>(List.of(record, List.of(), Map.of(), otherKeys));
        records.add(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errors", List.of(Map.of("message", "gone", "path", List.of("areaProfile", 0), "extensions", Map.of("code", "SERVICE_UNAVAILABLE"))));
        answer.put("data", Map.of("areaProfile", records));

        assertThat(written(answer)).isEqualTo(mapper.writeValueAsString(answer));
    }

    @Test
    void usedOnlyWhenItMatchesTheMapper() {
        assertThat(ResultJson.matches(mapper)).isTrue();
        assertThat(ResultJson.matches(JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build())).isFalse();
    }

    private String written(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            ResultJson.write(generator, value);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
