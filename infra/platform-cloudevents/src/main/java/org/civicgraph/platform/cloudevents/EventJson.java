package org.civicgraph.platform.cloudevents;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON writer for event data, so every service writes dates and fields the same way. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventJson() {
    }

    public static String write(Object data) {
        return MAPPER.writeValueAsString(data);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
