package org.civicgraph.gateway.execution;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Spring for GraphQL's HTTP handler, waiting for each answer on the request's own thread. Handed to the container as
 * an async response, an answer that waited for services went through a second dispatch once they had answered: the
 * security filter chain and the dispatcher servlet ran again, on another container thread, before a byte was written.
 * The services are called on the gateway's own threads either way. A request thread waits at most Spring MVC's async
 * timeout ({@code spring.mvc.async.request-timeout}, else the container's 30 s) and then ends with 503, as an async
 * request that times out does.
 */
class SameThreadGraphQlHttpHandler extends GraphQlHttpHandler {

    private final Duration timeout;

    SameThreadGraphQlHttpHandler(WebGraphQlHandler handler, Duration timeout) {
        super(handler);
        this.timeout = timeout;
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> response) {
        CompletableFuture<WebGraphQlResponse> answer = response.toFuture();
        try {
            // an answer already at hand makes Spring's async response a completed one, written in this dispatch
            return super.prepareResponse(request, Mono.just(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AsyncRequestTimeoutException();
        } catch (ExecutionException e) {
            return super.prepareResponse(request, Mono.error(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return super.prepareResponse(request, Mono.fromFuture(answer));
        }
    }
}
