package io.animops.agent.godot.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web executor's wall, with the contract switched off: a real Godot 4.6 web script tries HTTPRequest,
 * WebSocketPeer and StreamPeerTCP to a server outside the page (another local port, standing for any host) and
 * to a named host; the page may reach only the agent's own server, so the outside server sees no connection.
 */
class WebGodotNetworkTest {
    private static final WebGodot GODOT = WebGodot.fromEnvironment();

    @Test
    void aScriptReachesNoServerButTheAgents() throws Exception {
        try (ServerSocket outside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!outside.isClosed()) {
                    try {
                        outside.accept().close();
                        connections.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = outside.getLocalPort();
            String script = """
                    extends Node2D

                    var ws := WebSocketPeer.new()
                    var tcp := StreamPeerTCP.new()

                    func _ready() -> void:
                    	var http := HTTPRequest.new()
                    	add_child(http)
                    	http.request_completed.connect(func(result, code, _h, _b): print("http done ", result, " ", code))
                    	print("http request ", http.request("http://127.0.0.1:PORT/leak?secret=1"))
                    	var named := HTTPRequest.new()
                    	add_child(named)
                    	print("named request ", named.request("http://example.org/leak"))
                    	print("websocket ", ws.connect_to_url("ws://127.0.0.1:PORT/leak"))
                    	print("tcp ", tcp.connect_to_host("127.0.0.1", PORT))

                    func _physics_process(_delta: float) -> void:
                    	ws.poll()
                    	tcp.poll()
                    """.replace("PORT", Integer.toString(port));
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put("network", script);

            Map<String, ScriptBatch.ScriptRun> runs = GODOT.runScripts(scripts, 600, Duration.ofSeconds(120));

            ScriptBatch.ScriptRun run = runs.get("network");
            System.out.println("web page network attempts: " + run.lines());
            assertThat(run.hasScriptError()).as(run.lines().toString()).isFalse();
            assertThat(run.lines()).as("the requests were made").contains("http request 0", "websocket 0");
            Thread.sleep(1000); // a connection that got out would have arrived by now
            assertThat(connections.get())
                    .as("connections that reached the outside server")
                    .isZero();
        }
    }
}
