package org.civicgraph.gateway.route;

import org.civicgraph.gateway.downstream.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook subscriptions are managed through the gateway's one endpoint too: their fields go to webhooks-service. */
class WebhookRoutingTest {

    private final ServiceRouting routing = new ServiceRouting(new RootFieldRoutes(), null);

    @Test
    void webhookQueriesAndMutationsGoToWebhooksService() {
        assertThat(routing.route("{ webhookSubscriptions { id state } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.WEBHOOKS, true));
        assertThat(routing.route("mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.WEBHOOKS, false));
        assertThat(routing.route("mutation { redeliverParked(subscriptionId: \"wh-1\") { deliveries { id } } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.WEBHOOKS, false));
    }
}
