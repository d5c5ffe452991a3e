package org.civicgraph.webhooks.subscription;

import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.civicgraph.webhooks.WebhooksProperties;
import org.civicgraph.webhooks.handshake.EndpointHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Registers, validates, rotates and suspends webhook subscriptions. Only admins of the owning organisation manage or
 * see a subscription; every change is saved with its event and announced to the dispatcher.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final EndpointHandshake handshake;
    private final WebhooksProperties properties;
    private final ApplicationEventPublisher events;
    private final EndpointAddresses addresses;

    Subscriptions(MongoTemplate mongo, EndpointHandshake handshake, WebhooksProperties properties, ApplicationEventPublisher events,
                  EndpointAddresses addresses) {
        this.mongo = mongo;
        this.handshake = handshake;
        this.properties = properties;
        this.events = events;
        this.addresses = addresses;
    }

    /** A registered subscription and its secret, which is shown only now. */
    public record WithSecret(Subscription subscription, String secret) {
    }

    WithSecret register(String organisation, String endpoint, String description, WebhookFilter filter) {
        Caller caller = RecordAccess.requireSignedIn();
        String owner = organisation == null || organisation.isBlank() ? caller.organisation() : organisation;
        RecordAccess.requireAdminOf(owner);
        var uri = EndpointRules.check(endpoint, properties.allowPlainHttpLoopback());
        addresses.refusal(uri).ifPresent(reason -> {
            throw new InvalidInputException("endpoint", reason);
        });
        String secret = newSecret();
        Subscription subscription = mongo.insert(Subscription.register("wh-" + UUID.randomUUID(), owner, uri, description, filter,
                secret, caller.subject()));
        log.info("Webhook {} registered for {} at {} by {}", subscription.getId(), owner, uri, caller.subject());
        return new WithSecret(validate(subscription, caller), secret);
    }

    Subscription validate(String id) {
        Subscription subscription = ownedByAdmin(id);
        return validate(subscription, Caller.current());
    }

    private Subscription validate(Subscription subscription, Caller caller) {
        EndpointHandshake.Result result = handshake.validate(subscription.endpointUri());
        boolean firstActivation = result.allowed() && subscription.getActivatedAt() == null;
        Subscription saved = change(subscription.getId(), firstActivation, s -> {
            if (result.allowed()) {
                s.validated(result.allowedRate(), caller.subject());
            } else {
                s.validationFailed(result.error(), caller.subject());
            }
        });
        log.info("Webhook {} handshake with {}: {}", saved.getId(), saved.getEndpoint(), result.allowed() ? "allowed" : result.error());
        return saved;
    }

    WithSecret rotateSecret(String id, Integer overlapSeconds) {
        ownedByAdmin(id);
        if (overlapSeconds != null && overlapSeconds < 0) {
            throw new InvalidInputException("overlapSeconds", "The overlap must not be negative");
        }
        Duration overlap = overlapSeconds == null ? properties.secretOverlap() : Duration.ofSeconds(overlapSeconds);
        String secret = newSecret();
        Subscription saved = change(id, false, s -> s.rotateSecret(secret, overlap, Caller.current().subject()));
        log.info("Webhook {} secret rotated; the previous one signs until {}", id, saved.getPreviousSecretExpiresAt());
        return new WithSecret(saved, secret);
    }

    Subscription suspend(String id) {
        ownedByAdmin(id);
        return change(id, false, s -> s.suspend(Caller.current().subject()));
    }

    List<Subscription> ofCallersOrganisation() {
        Caller caller = RecordAccess.requireSignedIn();
        RecordAccess.requireAdminOf(caller.organisation());
        return mongo.find(Query.query(Criteria.where("ownerOrganisation").is(caller.organisation())).with(Sort.by("createdAt")),
                Subscription.class);
    }

    /** The subscription, if the caller is an admin of its organisation; fails otherwise, or if there is none. */
    public Subscription ownedByAdmin(String id) {
        Subscription subscription = find(id).orElseThrow(() -> new NotFoundException("id", "No webhook subscription " + id));
        RecordAccess.requireAdminOf(subscription.getOwnerOrganisation());
        return subscription;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    /** Every subscription that receives deliveries now. */
    public List<Subscription> active() {
        return mongo.find(Query.query(Criteria.where("state").is(SubscriptionState.ACTIVE)), Subscription.class);
    }

    private Subscription change(String id, boolean firstActivation, Consumer<Subscription> change) {
        Subscription saved = ConflictRetry.run(() -> {
            Subscription subscription = find(id).orElseThrow(() -> new NotFoundException("id", "No webhook subscription " + id));
            change.accept(subscription);
            return mongo.save(subscription);
        });
        events.publishEvent(new SubscriptionChanged(saved, firstActivation));
        return saved;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
