package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.ListPages;
import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.comparison.Comparison;
import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.civicgraph.indicators.group.ComparatorGroup;
import org.civicgraph.indicators.group.ComparatorGroupRegister;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.trend.Trend;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.PageRequests;
import org.dataloader.DataLoader;
import org.springframework.data.domain.Window;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;

@Controller
class ProfileController {

    private final AreaProfiles profiles;
    private final AreaRegister areas;
    private final ComparatorGroupRegister groups;
    private final PageRequests pages;

    ProfileController(AreaProfiles profiles, AreaRegister areas, ComparatorGroupRegister groups, PageRequests pages,
                      BatchLoaderRegistry loaders) {
        this.profiles = profiles;
        this.groups = groups;
        this.areas = areas;
        this.pages = pages;
        loaders.forTypePair(ProfileRequest.class, IndicatorProfile.class)
                .registerMappedBatchLoader((requests, environment) -> Mono.fromSupplier(() -> profiles.of(requests)));
    }

    /** Profiles of all the areas in a response are worked out together, so a page of areas costs no more queries than one. */
    @SchemaMapping(typeName = "Area")
    CompletableFuture<IndicatorProfile> profile(Area area, @Argument String benchmark, @Argument ComparisonMethod method,
                                                @Argument Double tolerance, @Argument List<String> group,
                                                @Argument String comparatorGroup, DataLoader<ProfileRequest, IndicatorProfile> loader) {
        return loader.load(new ProfileRequest(area, settings(benchmark, method, tolerance, group, comparatorGroup)));
    }

    @SchemaMapping(typeName = "AreaIndicatorProfile")
    List<ProfileEntry> positive(IndicatorProfile profile) {
        return profile.positive();
    }

    @SchemaMapping(typeName = "AreaIndicatorProfile")
    List<ProfileEntry> negative(IndicatorProfile profile) {
        return profile.negative();
    }

    @QueryMapping
    Comparison compareIndicator(@Argument CompareInput input) {
        String periodKey = null;
        if (input.period() != null) {
            try {
                periodKey = Period.parse(input.period()).key();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("period", e.getMessage());
            }
        }
        return profiles.compare(input.indicatorId(), input.areaCode(), periodKey,
                settings(input.benchmark(), input.method(), input.tolerance(), input.group(), input.comparatorGroup())).orElse(null);
    }

    @QueryMapping
    Trend indicatorTrend(@Argument String indicatorId, @Argument String areaCode) {
        return profiles.trend(indicatorId, areaCode).orElse(null);
    }

    /** Indicators worse than the benchmark and getting worse, by area and indicator name. */
    @QueryMapping
    Window<RedRedFinding> redRed(@Argument RedRedFilter filter, @Argument String benchmark, @Argument ComparisonMethod method,
                                 @Argument Double tolerance, @Argument Boolean significantOnly, ScrollSubrange subrange) {
        RedRedFilter where = filter == null ? RedRedFilter.NONE : filter;
        List<Area> inScope = areas.findAll(where.areaType(), where.parentCode());
        ProfileSettings settings = settings(benchmark, method, tolerance, null, null);
        boolean significant = Boolean.TRUE.equals(significantOnly);
        if (profiles.watched(settings)) {
            return profiles.watchedRedRed(inScope, settings, significant, pages.position(subrange), pages.size(subrange));
        }
        return ListPages.page(profiles.redRed(inScope, settings, significant), pages.position(subrange), pages.size(subrange));
    }

    private ProfileSettings settings(String benchmark, ComparisonMethod method, Double tolerance, List<String> group, String comparatorGroup) {
        if (tolerance != null && tolerance < 0) {
            throw new InvalidInputException("tolerance", "tolerance is a percentage of the benchmark's value and must not be negative");
        }
        if (comparatorGroup == null) {
            return ProfileSettings.of(benchmark, method, tolerance, group);
        }
        if (group != null && !group.isEmpty()) {
            throw new InvalidInputException("comparatorGroup", "Give either group (area codes) or comparatorGroup, not both");
        }
        ComparatorGroup named = groups.require(comparatorGroup, "comparatorGroup");
        return ProfileSettings.of(benchmark, method, tolerance, named.getMemberCodes(), named.getName());
    }
}
