package org.civicgraph.platform.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A demo data set that a service ships on its class path ({@code demo/*.json}, built from the source documents in
 * {@code shared/seeds}), imported through the service's own domain code so that it is validated and announced
 * like any other change. Progress is logged every 25 records.
 */
public final class DemoDataFile<T> {

    private static final Logger log = LoggerFactory.getLogger(DemoDataFile.class);
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String location;
    private final Class<T> type;

    public DemoDataFile(String location, Class<T> type) {
        this.location = location;
        this.type = type;
    }

    public List<T> read() {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return MAPPER.readerForListOf(type).readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read demo data " + location, e);
        }
    }

    /** Imports every record with the given step; returns how many were imported. */
    public int importEach(Consumer<T> importer) {
        List<T> records = read();
        int done = 0;
        for (T record : records) {
            importer.accept(record);
            done++;
            if (done % 25 == 0 || done == records.size()) {
                log.info("Demo data {}: imported {} of {}", location, done, records.size());
            }
        }
        return done;
    }
}
