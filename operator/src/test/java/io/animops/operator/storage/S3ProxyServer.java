package io.animops.operator.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * S3Proxy, a real S3-protocol server, on jclouds' in-memory (transient) blobstore, in a JVM of its own: its jclouds
 * needs Guice 7 and Quarkus' test bootstrap brings Maven's Guice 5, so they cannot share a class path (see the
 * operator's pom). The self-contained jar is copied to target/s3proxy by the build.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "animops-test";
    static final String SECRET_KEY = "animops-test-secret-key";

    private final Process process;
    private final Path log;
    final String endpoint;

    private S3ProxyServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.endpoint = "http://127.0.0.1:" + port;
    }

    static S3ProxyServer start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("animops.test.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "S3Proxy's jar is missing at " + jar + ": run the tests through Maven, which copies it");
        }
        int port = freePort();
        Path dir = Files.createTempDirectory("s3proxy");
        Path properties = dir.resolve("s3proxy.conf");
        Files.write(
                properties,
                List.of(
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=transient",
                        "jclouds.identity=unused",
                        "jclouds.credential=unused"));
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, log, port);
        server.awaitListening(port, Duration.ofSeconds(60));
        return server;
    }

    private void awaitListening(int port, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Proxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException(
                "S3Proxy did not listen on port " + port + " within " + patience + ":\n" + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
