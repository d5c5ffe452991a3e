package org.civicgraph.indicators.series;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which indicators have values in which areas ({@link AreaCoverage}), read and kept in one query or write each. */
@Service
public class SeriesCoverage {

    private final MongoTemplate mongo;

    SeriesCoverage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indicators with a series in each of the given areas, in one query; areas without any are left out. */
    public Map<String, Set<String>> indicatorsIn(Collection<String> areaCodes) {
        if (areaCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> found = new HashMap<>();
        for (AreaCoverage coverage : mongo.find(Query.query(Criteria.where("_id").in(areaCodes)), AreaCoverage.class)) {
            found.put(coverage.getAreaCode(), coverage.getIndicatorIds());
        }
        return found;
    }

    /** Every area's indicators, in one query: a document per area. */
    public Map<String, Set<String>> all() {
        Map<String, Set<String>> found = new HashMap<>();
        for (AreaCoverage coverage : mongo.findAll(AreaCoverage.class)) {
            found.put(coverage.getAreaCode(), new LinkedHashSet<>(coverage.getIndicatorIds()));
        }
        return found;
    }

    /** The areas with a series of the indicator. */
    public List<String> areasWith(String indicatorId) {
        return mongo.find(Query.query(Criteria.where("indicatorIds").is(indicatorId)), AreaCoverage.class).stream()
                .map(AreaCoverage::getAreaCode).toList();
    }

    void add(String areaCode, String indicatorId) {
        addAll(Map.of(areaCode, Set.of(indicatorId)));
    }

    /** Adds indicators to areas, creating an area's document when needed; one bulk write. */
    void addAll(Map<String, ? extends Collection<String>> indicatorsByArea) {
        if (indicatorsByArea.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AreaCoverage.class);
        indicatorsByArea.forEach((area, indicators) -> bulk.upsert(Query.query(Criteria.where("_id").is(area)),
                new Update().addToSet("indicatorIds").each(indicators.toArray())));
        bulk.execute();
    }

    /** The red-red indicators of each of the given areas, with whether each trend is significant; in one query. */
    public Map<String, Map<String, Boolean>> redRedIn(Collection<String> areaCodes) {
        if (areaCodes.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(areaCodes));
        query.fields().include("redRed");
        Map<String, Map<String, Boolean>> found = new HashMap<>();
        for (AreaCoverage coverage : mongo.find(query, AreaCoverage.class)) {
            if (!coverage.getRedRed().isEmpty()) {
                found.put(coverage.getAreaCode(), coverage.getRedRed());
            }
        }
        return found;
    }

    /**
     * Lists and unlists red-red series: {@code changes} holds, per series that moved, its state before and after.
     * Call with {@code beforeWrite} true before the series are written (lists the new ones) and false after (unlists
     * those no longer red-red, leaving out the series that were not written).
     */
    void markRedRed(Collection<RedRedChange> changes, boolean beforeWrite, Set<String> notWritten) {
        Map<String, Update> byArea = new HashMap<>();
        for (RedRedChange change : changes) {
            if (!change.moved() || notWritten.contains(Series.idOf(change.indicatorId(), change.areaCode()))) {
                continue;
            }
            if (beforeWrite && change.after() != null) {
                byArea.computeIfAbsent(change.areaCode(), area -> new Update())
                        .set("redRed." + change.indicatorId(), change.after() == RedRed.SIGNIFICANTLY_WORSE);
            } else if (!beforeWrite && change.after() == null) {
                byArea.computeIfAbsent(change.areaCode(), area -> new Update()).unset("redRed." + change.indicatorId());
            }
        }
        if (byArea.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AreaCoverage.class);
        byArea.forEach((area, update) -> bulk.updateOne(Query.query(Criteria.where("_id").is(area)), update));
        bulk.execute();
    }

    /** Sets each area's red-red indicators: true or false (significant or not) to list one, null to unlist it; one bulk write. */
    void setRedRed(Map<String, Map<String, Boolean>> byArea) {
        BulkOperations bulk = null;
        for (Map.Entry<String, Map<String, Boolean>> area : byArea.entrySet()) {
            Update update = new Update();
            area.getValue().forEach((indicatorId, significant) -> {
                if (significant == null) {
                    update.unset("redRed." + indicatorId);
                } else {
                    update.set("redRed." + indicatorId, significant);
                }
            });
            if (!area.getValue().isEmpty()) {
                bulk = bulk == null ? mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AreaCoverage.class) : bulk;
                bulk.updateOne(Query.query(Criteria.where("_id").is(area.getKey())), update);
            }
        }
        if (bulk != null) {
            bulk.execute();
        }
    }

    /** A series' red-red state before and after it was judged. */
    record RedRedChange(String indicatorId, String areaCode, RedRed before, RedRed after) {

        static RedRedChange of(Series series, RedRed before) {
            return new RedRedChange(series.getIndicatorId(), series.getAreaCode(), before, series.redRed());
        }

        boolean moved() {
            return before != after;
        }
    }

    boolean isEmpty() {
        return mongo.estimatedCount(AreaCoverage.class) == 0;
    }

    /** Lists the series that exist, for data stored before coverage was kept: reads only the two fields. */
    void rebuild() {
        Query everySeries = new Query();
        everySeries.fields().include("indicatorId").include("areaCode");
        Map<String, Set<String>> byArea = new HashMap<>();
        for (Document series : mongo.find(everySeries, Document.class, "series")) {
            byArea.computeIfAbsent(series.getString("areaCode"), area -> new LinkedHashSet<>()).add(series.getString("indicatorId"));
        }
        addAll(byArea);
    }
}
