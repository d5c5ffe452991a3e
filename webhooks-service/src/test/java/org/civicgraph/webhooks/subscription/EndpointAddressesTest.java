package org.civicgraph.webhooks.subscription;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointAddressesTest {

    private static final EndpointAddresses.HostResolver DNS_FREE = host -> {
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return InetAddress.getAllByName(host); // a literal: parsed, never looked up
        }
        throw new UnknownHostException(host);
    };

    @Test
    void internalAddressesAreRefusedWhateverTheirNotation() {
        EndpointAddresses production = new EndpointAddresses(DNS_FREE, false, false);
        for (String internal : List.of("https://169.254.169.254/latest/meta-data/", "https://10.1.2.3/hooks",
                "https://172.16.0.9/hooks", "https://192.168.1.20/hooks", "https://100.64.0.1/hooks", "https://127.0.0.1/hooks",
                "https://0.0.0.0/hooks", "https://[::1]/hooks", "https://[fd00::5]/hooks", "https://[fe80::1]/hooks",
                "https://[::ffff:10.0.0.1]/hooks", "https://224.0.0.1/hooks")) {
            assertThat(production.refusal(URI.create(internal))).as(internal).isPresent();
        }
        assertThat(production.refusal(URI.create("https://169.254.169.254/x")).orElseThrow())
                .contains("169.254.169.254").contains("link-local").contains("public addresses only");
    }

    @Test
    void publicAddressesAndUnresolvableNamesPass() {
        EndpointAddresses production = new EndpointAddresses(DNS_FREE, false, false);
        assertThat(production.refusal(URI.create("https://93.184.216.34/hooks"))).isEmpty();
        assertThat(production.refusal(URI.create("https://[2001:db8::1]/hooks"))).isEmpty();
        assertThat(production.refusal(URI.create("https://receiver.council.example/hooks"))).isEmpty();
        assertThat(production.refusal(URI.create("https://172.32.0.1/hooks"))).as("just outside 172.16/12").isEmpty();
        assertThat(production.refusal(URI.create("https://100.128.0.1/hooks"))).as("just outside 100.64/10").isEmpty();
    }

    @Test
    void loopbackAndPrivateNetworksOnlyWhenTheDeploymentSaysSoAndLinkLocalNever() {
        EndpointAddresses development = new EndpointAddresses(DNS_FREE, true, false);
        assertThat(development.refusal(URI.create("http://127.0.0.1:9999/hooks"))).isEmpty();
        assertThat(development.refusal(URI.create("https://10.1.2.3/hooks"))).isPresent();

        EndpointAddresses ownNetwork = new EndpointAddresses(DNS_FREE, false, true);
        assertThat(ownNetwork.refusal(URI.create("https://10.1.2.3/hooks"))).isEmpty();
        assertThat(ownNetwork.refusal(URI.create("https://127.0.0.1/hooks"))).isPresent();
        assertThat(ownNetwork.refusal(URI.create("https://169.254.169.254/hooks"))).isPresent();
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesToEachTimeItIsAsked() throws Exception {
        Deque<InetAddress[]> answers = new ArrayDeque<>(List.of(
                new InetAddress[]{InetAddress.getByName("203.0.113.5")},
                new InetAddress[]{InetAddress.getByName("203.0.113.5"), InetAddress.getByName("10.0.0.5")}));
        EndpointAddresses production = new EndpointAddresses(host -> answers.removeFirst(), false, false);
        URI endpoint = URI.create("https://hooks.council.example/in");

        assertThat(production.refusal(endpoint)).as("when registered").isEmpty();
        assertThat(production.refusal(endpoint)).as("when the name later points inside").get().asString()
                .contains("hooks.council.example resolves to 10.0.0.5, a private network address");
    }
}
