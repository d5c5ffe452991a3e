package org.civicgraph.webhooks.subscription;

import org.civicgraph.webhooks.WebhooksProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhooks off internal networks. An endpoint is chosen by a subscriber, so without this check CivicGraph could
 * be made to call the cloud's metadata service, the cluster's own services or a council's office network (server-side
 * request forgery). The host is resolved again before every handshake and delivery, because a name that pointed to a
 * public address when registered may point elsewhere later.
 */
@Component
public class EndpointAddresses {

    /** Turns a host name into its addresses; {@link InetAddress#getAllByName} except in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final HostResolver resolver;
    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;

    @Autowired
    public EndpointAddresses(HostResolver hostResolver, WebhooksProperties properties) {
        this(hostResolver, properties.allowPlainHttpLoopback(), properties.allowPrivateNetworkEndpoints());
    }

    EndpointAddresses(HostResolver resolver, boolean allowLoopback, boolean allowPrivateNetworks) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /**
     * Why CivicGraph must not call this endpoint, or empty when it may. A host that does not resolve is not refused
     * here: calling it fails on its own, and says so.
     */
    public Optional<String> refusal(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return Optional.of("The endpoint has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return Optional.of("The endpoint " + host + " resolves to " + address.getHostAddress() + ", " + refusal.get()
                        + "; webhooks are delivered to public addresses only");
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isUnspecifiedNetwork(address)) {
            return Optional.of("an address that is not a single host");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (such as a cloud metadata service)"); // never allowed
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedAddressSpace(address)) {
            return allowPrivateNetworks ? Optional.empty() : Optional.of("a private network address");
        }
        return Optional.empty();
    }

    /** 0.0.0.0/8: "this network", which some systems treat as loopback. */
    private static boolean isUnspecifiedNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    /** fc00::/7, IPv6's private networks. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, carrier-grade NAT, also used inside some clouds and clusters. */
    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
