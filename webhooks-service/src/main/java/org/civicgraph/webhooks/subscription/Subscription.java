package org.civicgraph.webhooks.subscription;

import org.civicgraph.platform.cloudevents.ChangeVisibility;
import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation's webhook: where its events go, which ones, and the secrets that sign them. Its own events (on
 * {@code civicgraph.webhooks.v1}) are visible to its organisation only and never carry a secret.
 */
@Document("subscriptions")
public class Subscription extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.webhooks.subscription.registered.v1";
    static final String VALIDATED = "org.civicgraph.webhooks.subscription.validated.v1";
    static final String VALIDATION_FAILED = "org.civicgraph.webhooks.subscription.validation-failed.v1";
    static final String SECRET_ROTATED = "org.civicgraph.webhooks.subscription.secret-rotated.v1";
    static final String SUSPENDED = "org.civicgraph.webhooks.subscription.suspended.v1";

    @Indexed
    private String ownerOrganisation;
    private String endpoint;
    private String description;
    private WebhookFilter filter;
    private SubscriptionState state;
    private String secret;
    private String previousSecret;
    private Instant previousSecretExpiresAt;
    private Integer allowedRate;
    private String validationError;
    private Instant createdAt;
    private String createdBy;
    private Instant activatedAt;

    protected Subscription() {
    }

    static Subscription register(String id, String ownerOrganisation, URI endpoint, String description, WebhookFilter filter,
                                 String secret, String createdBy) {
        Subscription subscription = new Subscription();
        subscription.id = id;
        subscription.ownerOrganisation = ownerOrganisation;
        subscription.endpoint = endpoint.toString();
        subscription.description = description;
        subscription.filter = filter == null ? WebhookFilter.EVERYTHING : filter;
        subscription.state = SubscriptionState.PENDING_VALIDATION;
        subscription.secret = secret;
        subscription.createdAt = Instant.now();
        subscription.createdBy = createdBy;
        subscription.recordEvent(REGISTERED, subscription.subject(), subscription.eventData(createdBy));
        return subscription;
    }

    void validated(Integer allowedRate, String by) {
        this.allowedRate = allowedRate;
        this.validationError = null;
        this.state = SubscriptionState.ACTIVE;
        this.activatedAt = Instant.now();
        Map<String, Object> data = eventData(by);
        data.put("allowedRate", allowedRate);
        recordEvent(VALIDATED, subject(), data);
    }

    void validationFailed(String error, String by) {
        this.validationError = error;
        if (state == SubscriptionState.ACTIVE) {
            state = SubscriptionState.SUSPENDED;
        }
        Map<String, Object> data = eventData(by);
        data.put("error", error);
        recordEvent(VALIDATION_FAILED, subject(), data);
    }

    void rotateSecret(String newSecret, Duration overlap, String by) {
        this.previousSecret = secret;
        this.previousSecretExpiresAt = Instant.now().plus(overlap);
        this.secret = newSecret;
        Map<String, Object> data = eventData(by);
        data.put("previousSecretExpiresAt", previousSecretExpiresAt.toString());
        recordEvent(SECRET_ROTATED, subject(), data);
    }

    void suspend(String by) {
        state = SubscriptionState.SUSPENDED;
        recordEvent(SUSPENDED, subject(), eventData(by));
    }

    /** The secrets that sign a delivery made now: the current one, and the previous one during a rotation's overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Whether an event that happened at the given time is for this subscription: those from its activation on. */
    public boolean receives(Instant eventTime) {
        return state == SubscriptionState.ACTIVE && (eventTime == null || activatedAt == null || !eventTime.isBefore(activatedAt.minusSeconds(1)));
    }

    private String subject() {
        return "webhooks/" + id;
    }

    private Map<String, Object> eventData(String by) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("ownerOrganisation", ownerOrganisation);
        data.put(ChangeVisibility.VISIBLE_TO, List.of(ownerOrganisation));
        data.put("endpoint", endpoint);
        data.put("filter", filter);
        data.put("state", state.name());
        data.put("changedBy", by);
        return data;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public URI endpointUri() {
        return URI.create(endpoint);
    }

    public String getDescription() {
        return description;
    }

    public WebhookFilter getFilter() {
        return filter;
    }

    public SubscriptionState getState() {
        return state;
    }

    public Integer getAllowedRate() {
        return allowedRate;
    }

    public String getValidationError() {
        return validationError;
    }

    public Instant getPreviousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }
}
