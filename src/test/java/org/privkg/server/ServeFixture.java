package org.privkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.store.PolicyStore;

/**
 * Servers for the tests, each over its own TDB2 dataset in a temporary directory, on a free port of
 * 127.0.0.1, talked to over real HTTP. Servers that tests only read from are shared by the test classes.
 */
final class ServeFixture {
    static final String PASSWORD = "correct horse battery staple";
    static final String PK = "https://w3id.org/privkg/ontology#";
    static final String BASE = "https://w3id.org/privkg/id/";

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A running server, its store and its directory. */
    record Running(PrivkgServer server, PolicyStore store, Path dir) {
        String url(String path) {
            return server.url() + path;
        }
    }

    private static Running shared;
    private static Running readOnly;
    private static final List<Running> all = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServeFixture::stopAll));
    }

    private ServeFixture() {
    }

    /** Three policies (finance, game, health); updates enabled; 30 s queries. Tests must not change it. */
    static synchronized Running shared() {
        if (shared == null) {
            shared = start(List.of("finance", "game", "health"), true, Duration.ofSeconds(30));
        }
        return shared;
    }

    /** One policy (game); read-only; queries stopped after 1 s. */
    static synchronized Running readOnly() {
        if (readOnly == null) readOnly = start(List.of("game"), false, Duration.ofSeconds(1));
        return readOnly;
    }

    /** A server of a test's own, for tests that change the data. */
    static synchronized Running start(List<String> policies, boolean allowUpdate, Duration timeout) {
        try {
            Path dir = Files.createTempDirectory("privkg-serve-test");
            PolicyStore store = load(dir, policies);
            PrivkgServer.Builder b = PrivkgServer.builder(store).host("127.0.0.1").port(0).timeout(timeout);
            if (allowUpdate) b.allowUpdate(PASSWORD);
            PrivkgServer server = b.build().start();
            Running r = new Running(server, store, dir);
            all.add(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its dataset when the tests end. */
    static synchronized Running track(Running r) {
        all.add(r);
        return r;
    }

    /** Opens a dataset in dir and loads the sample policy NAME.txt (src/test/resources/policies) for each name. */
    static PolicyStore load(Path dir, List<String> policies) throws IOException {
        return loadFiles(dir, policies.stream().map(name -> Fixtures.policy(name)).toList());
    }

    /** Opens a dataset in dir and loads these annotated policy files. */
    static PolicyStore loadFiles(Path dir, List<Path> files) throws IOException {
        PolicyStore store = PolicyStore.open(dir, null);
        Loads.load(store, files.stream().map(file -> PolicySource.of(file, null)).toList());
        return store;
    }

    private static synchronized void stopAll() {
        for (Running r : all) {
            try {
                r.server().close();
                r.store().close();
            } catch (RuntimeException e) {
                // the JVM is going away
            }
            deleteTree(r.dir());
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for the OS to clean up
        }
    }

    // ---- HTTP

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    /** GET with an Accept header (none when accept is null). */
    static HttpResponse<String> get(String url, String accept) {
        HttpRequest.Builder b = request(url).GET();
        if (accept != null) b.header("Accept", accept);
        return send(b.build());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static final String PREFIXES = "PREFIX pk: <" + PK + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
}
