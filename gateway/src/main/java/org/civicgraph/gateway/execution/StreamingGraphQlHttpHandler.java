package org.civicgraph.gateway.execution;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Spring for GraphQL's HTTP handler, unchanged in what it reads, answers and with which status and headers, that
 * writes each answer with {@link ResultJson} instead of the message converters (on the request's thread, as its parent does).
 */
final class StreamingGraphQlHttpHandler extends SameThreadGraphQlHttpHandler {

    private final JsonMapper mapper;

    StreamingGraphQlHttpHandler(WebGraphQlHandler handler, Duration timeout, JsonMapper mapper) {
        super(handler, timeout);
        this.mapper = mapper;
    }

    @Override
    protected ServerResponse.HeadersBuilder.WriteFunction getWriteFunction(Map<String, Object> resultMap, MediaType contentType) {
        return (request, response) -> {
            OutputStream body = StreamUtils.nonClosing(response.getOutputStream());
            try (JsonGenerator generator = mapper.createGenerator(body)) {
                ResultJson.write(generator, resultMap);
            }
            body.flush();
            return null;
        };
    }
}
