package org.civicgraph.platform.test;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A Kafka container whose host port is fixed when the container is first made, so a stopped and restarted
 * broker is found again at the same address (a mapped random port would change on restart).
 */
final class ContainerKafkaBroker implements KafkaBroker {

    private static final int CONTAINER_PORT = 9092;
    private final int hostPort = freePort();
    private KafkaContainer container;

    @Override
    public synchronized void start() {
        if (container != null) {
            return;
        }
        KafkaContainer started = new KafkaContainer("apache/kafka:4.1.0")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(CONTAINER_PORT))));
        started.start();
        container = started;
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + hostPort;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
