package org.civicgraph.partners.resolution;

import org.civicgraph.partners.partner.PartnerLookup;
import org.civicgraph.partners.partner.PartnerRef;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Name resolution for the services that link names written in documents (providers, partners) to the directory. */
@Controller
class ResolutionController {

    static final int MOST_NAMES = 100;

    private final NameResolver resolver;
    private final PartnerLookup partners;

    ResolutionController(NameResolver resolver, PartnerLookup partners) {
        this.resolver = resolver;
        this.partners = partners;
    }

    @QueryMapping
    NameResolution resolveName(@Argument String name, @Argument List<String> areas) {
        return resolver.resolve(requireName(name), areas == null ? List.of() : areas);
    }

    @QueryMapping
    List<NameResolution> resolveNames(@Argument List<String> names, @Argument List<String> areas) {
        if (names.size() > MOST_NAMES) {
            throw new InvalidInputException("names", "at most " + MOST_NAMES + " names at a time; you sent " + names.size());
        }
        return names.stream().map(name -> resolver.resolve(requireName(name), areas == null ? List.of() : areas)).toList();
    }

    @BatchMapping(typeName = "NameResolution", field = "partner")
    Map<NameResolution, Object> resolvedPartners(List<NameResolution> resolutions) {
        Map<PartnerRef, Object> found = partners.findAll(resolutions.stream().map(NameResolution::resolved).filter(Objects::nonNull).toList());
        Map<NameResolution, Object> result = new HashMap<>();
        resolutions.stream().filter(resolution -> resolution.resolved() != null && found.containsKey(resolution.resolved()))
                .forEach(resolution -> result.put(resolution, found.get(resolution.resolved())));
        return result;
    }

    @BatchMapping(typeName = "NameCandidate", field = "partner")
    Map<NameCandidate, Object> candidatePartners(List<NameCandidate> candidates) {
        Map<PartnerRef, Object> found = partners.findAll(candidates.stream().map(NameCandidate::partner).distinct().toList());
        Map<NameCandidate, Object> result = new HashMap<>();
        candidates.stream().filter(candidate -> found.containsKey(candidate.partner()))
                .forEach(candidate -> result.put(candidate, found.get(candidate.partner())));
        return result;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new InvalidInputException("name", "a name must not be blank or longer than 300 characters");
        }
        return name;
    }
}
