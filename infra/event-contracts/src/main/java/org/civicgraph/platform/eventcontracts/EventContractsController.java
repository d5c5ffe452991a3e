package org.civicgraph.platform.eventcontracts;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Serves the service's event contract as the repository holds it: {@code GET /asyncapi.yaml} (the AsyncAPI 3 document
 * of its topic) and {@code GET /events/schemas/<ce_type>.schema.json} (the JSON Schema of each event type's data), where
 * the document's relative {@code $ref}s point. Readable without a token, like public records.
 */
@RestController
class EventContractsController {

    static final String ASYNCAPI = "asyncapi.yaml";
    static final String SCHEMAS = "events/schemas/";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json;charset=UTF-8");
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.schema\\.json");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    @GetMapping("/" + ASYNCAPI)
    ResponseEntity<Resource> asyncApi() {
        return serve(ASYNCAPI, YAML);
    }

    @GetMapping("/" + SCHEMAS + "{file}")
    ResponseEntity<Resource> schema(@PathVariable String file) {
        if (!SCHEMA_FILE.matcher(file).matches()) {
            return ResponseEntity.notFound().build();
        }
        return serve(SCHEMAS + file, SCHEMA_JSON);
    }

    private static ResponseEntity<Resource> serve(String path, MediaType type) {
        Resource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).cacheControl(CACHE).body(resource);
    }
}
