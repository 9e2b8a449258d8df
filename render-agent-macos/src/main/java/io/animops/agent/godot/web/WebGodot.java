package io.animops.agent.godot.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.job.Cancellation;
import io.animops.agent.process.CapturedOutput;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.OutputStream;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs real Godot 4.6 (its web build) in Debian's headless Chromium, on any Linux machine.
 *
 * <p>One {@link #run run}: the project's files are packed into a GDPC pack ({@link GodotPack}); a JDK HTTP server
 * on 127.0.0.1 (a free port) serves a page, the engine files ({@link WebGodotEngine}) and the pack; a fresh
 * headless Chromium (own profile folder, SwiftShader WebGL) opens the page, which starts
 * {@code new Engine({executable, mainPack, args}).startGame()} and posts every line Godot prints back to the
 * server, in order (they reach the {@link LineListener} as they come), then the Movie Maker file read from
 * Emscripten's file system, then the exit code. A timeout, a cancellation or the end kills the browser's whole
 * process tree and removes its profile.
 *
 * <p>Many scripts, one engine start ({@link #checkScripts}, {@link #runScripts}): one engine start costs about 3 s
 * and one browser about 720 MiB, so a batch packs all the scripts with a driver scene that loads each in turn
 * between markers and splits Godot's output per script. For a script with a parse or analyzer error the lines are
 * Godot's own, e.g. {@code SCRIPT ERROR: Parse Error: Expected ":" after function declaration.} then
 * {@code    at: GDScript::reload (res://<name>.gd:3)}.
 *
 * <p>What this engine cannot tell: it is a release build, so script runtime errors (a call on null, an index out
 * of range) are silent. An integer division by zero traps the wasm: the run ends with {@link WebGodotRun#failure}
 * saying so (a batch reports it on the script that trapped and goes on with the rest in a new engine start).
 *
 * <p>Needs: the {@code chromium} command (or {@value #CHROMIUM_VARIABLE}) and the engine files
 * ({@code scripts/fetch-godot-web}).
 */
public final class WebGodot {
    private static final System.Logger LOG = System.getLogger(WebGodot.class.getName());
    /** Overrides the browser command. */
    public static final String CHROMIUM_VARIABLE = "CHROMIUM_BIN";
    /** How {@link WebGodotRun#failure} begins when the wasm trapped (rather than the browser failing). */
    public static final String TRAP_PREFIX = "the engine trapped: ";
    /** Where Movie Maker writes inside the page (Emscripten's in-memory /tmp). */
    static final String MOVIE_IN_PAGE = "/tmp/animops-movie.avi";

    static final String GLOBAL_CLASS_CACHE = ".godot/global_script_class_cache.cfg";
    private static final long OUTPUT_CAP_BYTES = 8L * 1024 * 1024;
    private static final long BROWSER_LOG_CAP_BYTES = 64L * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "wasm",
            "application/wasm",
            "txt",
            "text/plain; charset=utf-8",
            "json",
            "application/json",
            "pck",
            "application/octet-stream");

    private final WebGodotEngine engine;
    private final String chromium;
    private final Duration killGrace;

    /**
     * @param chromium  the browser command
     * @param killGrace between SIGTERM and SIGKILL when the browser's tree is ended
     */
    public WebGodot(WebGodotEngine engine, String chromium, Duration killGrace) {
        this.engine = engine;
        this.chromium = chromium;
        this.killGrace = killGrace;
    }

    /** The engine of {@link WebGodotEngine#fromEnvironment()}, {@value #CHROMIUM_VARIABLE} or {@code chromium}. */
    public static WebGodot fromEnvironment() {
        String browser = System.getenv(CHROMIUM_VARIABLE);
        return new WebGodot(
                WebGodotEngine.fromEnvironment(),
                browser == null || browser.isBlank() ? "chromium" : browser,
                Duration.ofSeconds(3));
    }

    public WebGodotEngine engine() {
        return engine;
    }

    /**
     * Starts the engine once and waits for its end, the timeout or the cancellation.
     *
     * @throws IOException when the browser cannot be started or the server cannot listen
     */
    public WebGodotRun run(WebGodotLaunch launch, Duration timeout, Cancellation cancellation, LineListener lines)
            throws IOException, InterruptedException {
        engine.checked();
        Page page = new Page(launch, lines);
        ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("web-godot-http"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", page::handle);
        Path profile = Files.createTempDirectory("animops-chromium-");
        Process browser = null;
        long started = System.nanoTime();
        try (BlackHole blackHole = new BlackHole()) {
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            browser = new ProcessBuilder(browserCommand(url, profile, launch, blackHole.port()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CapturedOutput browserLog = new CapturedOutput(BROWSER_LOG_CAP_BYTES);
            drain(browser.getInputStream(), browserLog);
            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            cancellation.onCancel(() -> cancelled.complete(null));
            ProcessOutcome.Ending ending = ProcessOutcome.Ending.EXITED;
            try {
                CompletableFuture.anyOf(page.end, browser.onExit(), cancelled)
                        .get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
                if (!page.end.isDone() && cancelled.isDone()) {
                    ending = ProcessOutcome.Ending.CANCELLED;
                }
            } catch (TimeoutException e) {
                ending = ProcessOutcome.Ending.TIMED_OUT;
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for the browser failed", e.getCause());
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            int exitCode = 1;
            String failure = null;
            if (ending == ProcessOutcome.Ending.EXITED) {
                End end = page.end.getNow(null);
                if (end == null) {
                    failure = "the browser ended before the engine did (exit " + browser.exitValue() + "): "
                            + browserLog.lastLines(10);
                } else if (end.trap() != null) {
                    failure = TRAP_PREFIX + end.trap();
                } else if (end.failure() != null) {
                    failure = end.failure();
                } else {
                    exitCode = end.exitCode();
                }
            }
            if (blackHole.swallowed() > 0) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "the page tried " + blackHole.swallowed()
                                + " connection(s) beyond the agent's server; all were dropped");
            }
            Path movie = launch.movieTarget() != null && page.movieWritten ? launch.movieTarget() : null;
            ProcessOutcome outcome = new ProcessOutcome(ending, exitCode, page.stdout, page.stderr, wall);
            return new WebGodotRun(outcome, failure, movie);
        } finally {
            if (browser != null) {
                ProcessTrees.kill(browser.toHandle(), killGrace);
            }
            server.stop(0);
            handlers.shutdownNow();
            GodotWorkspace.deleteTree(profile);
        }
    }

    /**
     * Loads each script once, in one engine start, and returns what Godot printed while loading it (parse and
     * analyzer errors; nothing for a valid script).
     *
     * @param scripts names (letters, digits, {@code _ - /}; the script is {@code res://<name>.gd}) to sources
     * @param timeout for each engine start
     * @return per name, in the order given, Godot's lines
     */
    public Map<String, List<String>> checkScripts(Map<String, String> scripts, Duration timeout)
            throws IOException, InterruptedException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        new ScriptBatch(this, 0).run(scripts, timeout).forEach((name, run) -> lines.put(name, run.lines()));
        return lines;
    }

    /**
     * Runs each script as a scene's root node for {@code frames} physics frames, one after the other in one engine
     * start (with the probe autoload), and returns what happened per script.
     */
    public Map<String, ScriptBatch.ScriptRun> runScripts(Map<String, String> scripts, int frames, Duration timeout)
            throws IOException, InterruptedException {
        return new ScriptBatch(this, frames).run(scripts, timeout);
    }

    /**
     * The page reaches nothing but the agent's own server: every other request (other hosts, other local ports,
     * WebSockets) goes to a proxy that is a black hole, host names do not resolve, and WebRTC may not send UDP
     * around the proxy. A hostile script with the contract switched off gets no network.
     */
    List<String> browserCommand(String url, Path profile, WebGodotLaunch launch, int blackHolePort) {
        String own = java.net.URI.create(url).getAuthority();
        return List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--use-gl=angle",
                "--use-angle=swiftshader",
                // the subtraction of Chromium's implicit loopback bypass must come before the agent's own server
                "--proxy-server=http://127.0.0.1:" + blackHolePort,
                "--proxy-bypass-list=<-loopback>;" + own,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-quic",
                "--mute-audio",
                // the page is the only tab and never visible: keep its timers and frames at full rate
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--window-size=" + launch.width() + "," + launch.height(),
                "--user-data-dir=" + profile,
                url);
    }

    private record End(Integer exitCode, String trap, String failure) {}

    /** The page's proxy: accepts each connection and closes it at once, so nothing the page sends goes further. */
    static final class BlackHole implements AutoCloseable {
        private final java.net.ServerSocket socket;
        private final java.util.concurrent.atomic.AtomicInteger swallowed =
                new java.util.concurrent.atomic.AtomicInteger();

        BlackHole() throws IOException {
            socket = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                socket.accept().close();
                                swallowed.incrementAndGet();
                            } catch (IOException e) {
                                return; // closed at the end of the run
                            }
                        }
                    },
                    "web-godot-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Connections the page tried beyond the agent's server. */
        int swallowed() {
            return swallowed.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The page's side of one run: what the server serves and what the page posted back. */
    private final class Page {
        final CompletableFuture<End> end = new CompletableFuture<>();
        final CapturedOutput stdout = new CapturedOutput(OUTPUT_CAP_BYTES);
        final CapturedOutput stderr = new CapturedOutput(OUTPUT_CAP_BYTES);
        private final WebGodotLaunch launch;
        private final LineListener lines;
        private final byte[] runJson;
        volatile boolean movieWritten;

        Page(WebGodotLaunch launch, LineListener lines) throws IOException {
            this.launch = launch;
            this.lines = lines;
            List<String> args = new ArrayList<>();
            if (launch.movieTarget() != null) {
                args.addAll(List.of("--write-movie", MOVIE_IN_PAGE));
            }
            args.addAll(launch.args());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("args", args);
            run.put("width", launch.width());
            run.put("height", launch.height());
            run.put("movie", launch.movieTarget() == null ? null : MOVIE_IN_PAGE);
            this.runJson = JSON.writeValueAsBytes(run);
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!"POST".equals(exchange.getRequestMethod())) {
                    serve(path, exchange);
                    return;
                }
                try {
                    receive(path, exchange);
                } catch (IOException | RuntimeException e) {
                    // a report lost is a run that cannot be trusted: end it rather than wait for the timeout
                    end.complete(new End(null, null, "the page's report could not be read: " + e));
                    throw e;
                }
            }
        }

        private void serve(String path, HttpExchange exchange) throws IOException {
            switch (path) {
                case "/" -> send(exchange, "html", resource("engine-page.html"));
                case "/engine-page.js" -> send(exchange, "js", resource("engine-page.js"));
                case "/index.js" -> send(exchange, "js", engine.loaderScript());
                case "/run.json" -> send(exchange, "json", runJson);
                case "/main.pck" -> send(exchange, "pck", GodotPack.bytes(packed(launch.files())));
                default -> {
                    Path file = engine.file(path.substring(1));
                    if (file == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders()
                            .set("Content-Type", contentType(file.getFileName().toString()));
                    exchange.sendResponseHeaders(200, Files.size(file));
                    Files.copy(file, exchange.getResponseBody());
                }
            }
        }

        private void receive(String path, HttpExchange exchange) throws IOException {
            switch (path) {
                case "/lines" -> {
                    List<List<String>> batch = JSON.readValue(exchange.getRequestBody(), new TypeReference<>() {});
                    for (List<String> entry : batch) {
                        boolean error = "E".equals(entry.get(0));
                        String line = entry.get(1);
                        (error ? stderr : stdout).add(line);
                        lines.line(error ? OutputStream.STDERR : OutputStream.STDOUT, line);
                    }
                }
                case "/movie" -> {
                    Files.copy(exchange.getRequestBody(), launch.movieTarget(), StandardCopyOption.REPLACE_EXISTING);
                    movieWritten = true;
                }
                case "/exit" ->
                    end.complete(new End(Integer.parseInt(body(exchange).strip()), null, null));
                case "/trap" -> end.complete(new End(null, body(exchange), null));
                case "/fail" -> end.complete(new End(null, null, body(exchange)));
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /**
     * The project's files plus an empty global class cache where it has none: the editor writes that file when it
     * exports, and without it Godot prints an error on every start.
     */
    static Map<String, byte[]> packed(Map<String, byte[]> files) {
        Map<String, byte[]> packed = new LinkedHashMap<>(files);
        packed.putIfAbsent(GLOBAL_CLASS_CACHE, "list=[]\n".getBytes(StandardCharsets.UTF_8));
        return packed;
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.get(type));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String contentType(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebGodot.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + ": missing from the agent's jar");
            }
            return in.readAllBytes();
        }
    }

    /** Reads the browser's own output (kept for a failure message) so that it never blocks on a full pipe. */
    private static void drain(InputStream stream, CapturedOutput sink) {
        Thread thread = new Thread(
                () -> {
                    try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                        ProcessRunner.readLines(in, sink::add);
                    } catch (IOException e) {
                        // the browser was killed: what it printed so far is kept
                    }
                },
                "chromium-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
