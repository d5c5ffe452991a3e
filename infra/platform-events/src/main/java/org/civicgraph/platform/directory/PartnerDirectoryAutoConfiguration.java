package org.civicgraph.platform.directory;

import org.civicgraph.platform.events.EventsAutoConfiguration;
import org.civicgraph.platform.events.IdempotentConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * In a service that names partner-directory organisations (it has an {@link OrganisationMergeFollower}): follows the
 * directory's topic ({@link PartnerDirectoryListener}), keeps the organisations' current names ({@link DirectoryNamesListener})
 * and offers them ({@link OrganisationNames}).
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@ConditionalOnBean(OrganisationMergeFollower.class)
public class PartnerDirectoryAutoConfiguration {

    @Bean
    DirectoryEntries directoryEntries(MongoTemplate mongo) {
        return new DirectoryEntries(mongo);
    }

    @Bean
    OrganisationNames organisationNames(DirectoryEntries entries) {
        return new OrganisationNames(entries);
    }

    @Bean
    DirectoryNamesListener directoryNamesListener(DirectoryEntries entries) {
        return new DirectoryNamesListener(entries);
    }

    @Bean
    PartnerDirectoryListener partnerDirectoryListener(IdempotentConsumer idempotentConsumer, MongoTemplate mongo,
                                                      ObjectProvider<OrganisationMergeFollower> mergeFollowers,
                                                      ObjectProvider<DirectoryNameFollower> nameFollowers) {
        return new PartnerDirectoryListener(idempotentConsumer, new MergedOrganisations(mongo),
                mergeFollowers.orderedStream().toList(), nameFollowers.orderedStream().toList());
    }
}
