package org.civicgraph.platform.directory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service that names directory organisations: it follows merges and names, and notes what it was asked to follow. */
@SpringBootApplication
class DirectoryTestApplication {

    @Bean
    Followed followed() {
        return new Followed();
    }

    static class Followed implements OrganisationMergeFollower, DirectoryNameFollower {

        final List<String> merges = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> namesGained = new CopyOnWriteArrayList<>();

        @Override
        public int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
            merges.add(mergedId + "->" + survivorId);
            return 0;
        }

        @Override
        public void directoryGainedName(String organisationId, String changedBy, Map<String, Object> because) {
            namesGained.add(Map.copyOf(because));
        }
    }
}
