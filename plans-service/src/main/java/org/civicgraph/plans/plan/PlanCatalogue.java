package org.civicgraph.plans.plan;

import org.civicgraph.platform.directory.OrganisationMergeFollower;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds plans and applies changes to them. Anyone may read a public plan and any signed-in user an internal one;
 * only editors and admins of the owning organisation may create or change a plan. Other features (activities,
 * progress, reports) find the plans they belong to here.
 */
@Service
public class PlanCatalogue implements OrganisationMergeFollower {

    private static final Logger log = LoggerFactory.getLogger(PlanCatalogue.class);
    private static final String INTERNAL_PLAN_IDS = PlanCatalogue.class.getName() + ".internalPlanIds";

    private final Plans plans;
    private final MongoTemplate mongo;

    PlanCatalogue(Plans plans, MongoTemplate mongo) {
        this.plans = plans;
        this.mongo = mongo;
    }

    /** The plan, if it exists; an internal plan asked for by an anonymous caller is refused rather than hidden. */
    public Optional<Plan> find(String id) {
        Optional<Plan> plan = plans.findById(id);
        if (plan.isPresent() && plan.get().getVisibility() == Visibility.INTERNAL) {
            RecordAccess.requireSignedIn();
        }
        return plan;
    }

    /** The plans among the ids that the caller may read, in no particular order. */
    public List<Plan> findReadable(Collection<String> ids) {
        boolean signedIn = Caller.current().isSignedIn();
        return plans.findAllById(ids).stream()
                .filter(plan -> signedIn || plan.getVisibility() == Visibility.PUBLIC)
                .toList();
    }

    Window<Plan> search(PlanFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("title", "id")).limit(size);
        if (filter.ownerOrganisation() != null) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(filter.ownerOrganisation()));
        }
        if (filter.area() != null) {
            query.addCriteria(Criteria.where("areas").is(filter.area()));
        }
        if (filter.kind() != null) {
            query.addCriteria(Criteria.where("kind").is(filter.kind()));
        }
        if (!Caller.current().isSignedIn()) {
            query.addCriteria(Criteria.where("visibility").is(Visibility.PUBLIC));
        }
        return mongo.scroll(query.with(position), Plan.class);
    }

    Plan create(CreatePlanInput input) {
        Caller editor = RecordAccess.requireCanEdit(input.ownerOrganisation());
        return add(input, editor.subject());
    }

    /** Checks and stores a new plan without asking who may: for {@link #create} and for demo data. */
    Plan add(CreatePlanInput draft, String createdBy) {
        PlanInputRules.checkNew(draft);
        return plans.insert(Plan.create(draft, createdBy));
    }

    Plan update(UpdatePlanInput input) {
        // Before the plan is loaded, so that an anonymous caller cannot tell which ids exist.
        RecordAccess.requireSignedIn();
        return ConflictRetry.run(() -> {
            Plan plan = plans.findById(input.id())
                    .orElseThrow(() -> new NotFoundException("id", "No plan has the id " + input.id()));
            Caller editor = RecordAccess.requireCanEdit(plan.getOwnerOrganisation());
            PlanInputRules.checkChanges(input);
            return plan.update(input, editor.subject()) ? plans.save(plan) : plan;
        });
    }

    /**
     * The plan a change or report refers to, for a caller who may read it.
     *
     * @param field the input field that named the plan, reported when there is no such plan
     */
    public Plan require(String id, String field) {
        return find(id).orElseThrow(() -> new NotFoundException(field, "No plan has the id " + id));
    }

    /**
     * Ids of the plans that only signed-in users may read, to leave their records out for anonymous callers. Read once
     * per HTTP request: a query with several activity lists (the gateway's area profile asks for four, one per area
     * of the lineage) would otherwise read them once for each list. Outside a request they are read each time.
     */
    @SuppressWarnings("unchecked")
    public Set<String> internalPlanIds() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return readInternalPlanIds();
        }
        Set<String> ids = (Set<String>) request.getAttribute(INTERNAL_PLAN_IDS, RequestAttributes.SCOPE_REQUEST);
        if (ids == null) {
            ids = readInternalPlanIds();
            request.setAttribute(INTERNAL_PLAN_IDS, ids, RequestAttributes.SCOPE_REQUEST);
        }
        return ids;
    }

    private Set<String> readInternalPlanIds() {
        Query query = Query.query(Criteria.where("visibility").is(Visibility.INTERNAL));
        // The property, which Spring Data maps to _id; naming _id itself costs it a failed property lookup (an exception) on every query
        query.fields().include("id");
        return mongo.find(query, Plan.class).stream().map(Plan::getId).collect(Collectors.toUnmodifiableSet());
    }

    /** Ids of the plans the organisation owns, whose draft updates its users see. */
    public Set<String> idsOwnedBy(String organisation) {
        Query query = Query.query(Criteria.where("ownerOrganisation").is(organisation));
        query.fields().include("id");
        return mongo.find(query, Plan.class).stream().map(Plan::getId).collect(Collectors.toSet());
    }

    /** For each plan that names the organisation as a partner of whole themes (a lever area's partners), the keys of those themes. */
    public Map<String, Set<String>> themesWithPartner(String organisation) {
        Query query = Query.query(Criteria.where("themes.partnerOrganisations").is(organisation));
        query.fields().include("_id", "themes");
        Map<String, Set<String>> themes = new HashMap<>();
        for (Plan plan : mongo.find(query, Plan.class)) {
            themes.put(plan.getId(), plan.getThemes().stream()
                    .filter(theme -> theme.partnerOrganisations().contains(organisation))
                    .map(Theme::key).collect(Collectors.toSet()));
        }
        return themes;
    }

    /**
     * Follows a merge in the partner directory: plans whose themes name the merged organisation as a partner name the
     * survivor instead, each saved through the aggregate with its event. Owners are left as they are (see
     * {@link Plan#followMerge}); returns how many plans changed.
     */
    @Override
    public int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        Query naming = Query.query(Criteria.where("themes.partnerOrganisations").is(mergedId));
        naming.fields().include("id");
        int changed = 0;
        for (Plan found : mongo.find(naming, Plan.class)) {
            changed += ConflictRetry.run(() -> {
                Plan plan = plans.findById(found.getId()).orElse(null);
                if (plan == null || !plan.followMerge(mergedId, survivorId, changedBy, because)) {
                    return 0;
                }
                plans.save(plan);
                return 1;
            });
        }
        long owned = mongo.count(Query.query(Criteria.where("ownerOrganisation").is(mergedId)), Plan.class);
        if (owned > 0) {
            log.warn("{} was merged into {} but still owns {} plans; they keep their owner, which a merge never moves", mergedId,
                    survivorId, owned);
        }
        return changed;
    }

    /** Up to {@code size} plans in id order after the given id (from the first when null), whoever is asking; for time-driven events. */
    public List<Plan> pageInIdOrder(String afterId, int size) {
        Query query = new Query().with(Sort.by("_id")).limit(size);
        if (afterId != null) {
            query.addCriteria(Criteria.where("_id").gt(afterId));
        }
        return mongo.find(query, Plan.class);
    }

    /**
     * Announces once, through the plan's outbox, that the period closed with updates missing; on a conflict with
     * another writer, again on the fresh plan. Returns false when it was announced already (or the plan is gone); throws
     * {@link org.springframework.dao.OptimisticLockingFailureException} when the plan kept changing.
     */
    public boolean announcePeriodClosed(String planId, ClosedPeriod closed) {
        return ConflictRetry.run(() -> {
            Plan plan = plans.findById(planId).orElse(null);
            if (plan == null || !plan.announcePeriodClosed(closed)) {
                return false;
            }
            plans.save(plan);
            return true;
        });
    }

    long count() {
        return plans.count();
    }
}
