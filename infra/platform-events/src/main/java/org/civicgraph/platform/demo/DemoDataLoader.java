package org.civicgraph.platform.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Imports a service's demo data at start-up, before the service reports itself ready, unless the service already
 * holds data: a second start of the local stack keeps what the first one stored and changed. Subclasses are
 * components switched on by {@code civicgraph.demo-data.enabled=true}.
 */
public abstract class DemoDataLoader<T> implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataFile<T> file;

    protected DemoDataLoader(String location, Class<T> type) {
        this.file = new DemoDataFile<>(location, type);
    }

    /** Whether the service holds data already, in which case nothing is imported. */
    protected abstract boolean hasData();

    /** Imports one record through the service's own domain code. */
    protected abstract void importRecord(T record);

    @Override
    public void run(ApplicationArguments args) {
        if (hasData()) {
            log.info("Demo data not imported: {} holds data already", getClass().getSimpleName());
            return;
        }
        file.importEach(this::importRecord);
    }
}
