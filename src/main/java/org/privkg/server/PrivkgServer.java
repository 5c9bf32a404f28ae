package org.privkg.server;

import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.privkg.query.PrivkgFunctions;
import org.privkg.query.guard.QueryGuard;
import org.privkg.rdf.Iris;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/**
 * privkg's HTTP server: embedded Fuseki over the policy store (dataset {@code /privkg}, or the name given: SPARQL query, Graph
 * Store read, and with updates enabled SPARQL update and Graph Store write behind HTTP Basic auth, see
 * {@link UpdateSecurity}), plus
 * linked data ({@code /id/...}), the ontology, a VoID description, the bundled queries and policy upload.
 */
public final class PrivkgServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    /** The dataset's name (its path, {@code /privkg}) unless told otherwise. */
    public static final String DEFAULT_NAME = Site.DEFAULT_NAME;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The longest query or update text taken, in bytes; longer ones are answered 413 before they are parsed. */
    public static final long DEFAULT_MAX_QUERY_SIZE = 1024 * 1024;
    /** How long shutdown waits for cancelled queries to give back their transactions. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final FusekiServer fuseki;
    private final Site site;
    private final String host;
    private boolean started;
    private boolean closed;
    /** Builds the label table at start; joined at close, so no read transaction outlives the server. */
    private Thread warmUp;

    private PrivkgServer(FusekiServer fuseki, Site site, String host) {
        this.fuseki = fuseki;
        this.site = site;
        this.host = host;
    }

    public static Builder builder(PolicyStore store) {
        return new Builder(store);
    }

    /** How to run the server; every setting has a safe default (loopback, read-only, 30 s queries). */
    public static final class Builder {
        private final PolicyStore store;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean allowUpdate;
        private String password;
        private boolean verbose;
        private List<String> serviceHosts = List.of();
        private long maxQuerySize = DEFAULT_MAX_QUERY_SIZE;
        private String name = DEFAULT_NAME;

        private Builder(PolicyStore store) {
            this.store = store;
        }

        /** The address to listen on; 127.0.0.1 (loopback only) unless told otherwise. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 picks a free one ({@link #port()} tells which). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The longest a query may run; zero for no limit. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Accepts updates, authenticated as user admin with this password. */
        public Builder allowUpdate(String password) {
            this.allowUpdate = true;
            this.password = password;
            return this;
        }

        /** The hosts ({@code host} or {@code host:port}) a query's SERVICE may call; none by default. */
        public Builder allowService(List<String> hosts) {
            this.serviceHosts = List.copyOf(hosts);
            return this;
        }

        /** The longest query or update text taken, in bytes. */
        public Builder maxQuerySize(long bytes) {
            this.maxQuerySize = bytes;
            return this;
        }

        /** The dataset's name, its path on the server: {@code /NAME/sparql} and so on; {@value #DEFAULT_NAME} by default. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Logs every request (Fuseki's request log) to standard error. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public PrivkgServer build() {
            if (allowUpdate && (password == null || password.isEmpty())) {
                throw new ServerException("updates need a password for user 'admin'; none was given");
            }
            if (port < 0 || port > 65535) throw new ServerException("port " + port + " is not a TCP port (0-65535)");
            if (timeout.isNegative()) throw new ServerException("the query timeout cannot be negative");
            if (maxQuerySize < 1 || maxQuerySize > Integer.MAX_VALUE - 1024) {
                throw new ServerException("the maximum query size must be between 1 byte and 2 GB");
            }
            if (!isDatasetName(name)) throw new ServerException(nameProblem(name));
            if (verbose) logRequests();
            DatasetGraph dsg = store.dataset();
            if (timeout.isZero()) dsg.getContext().unset(ARQ.queryTimeout);
            else dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            QueryGuard.restrictService(dsg, serviceHosts);
            Site site = new Site(store, name, allowUpdate, timeout);

            DataService.Builder data = DataService.newBuilder(dsg)
                    .addEndpoint(Operation.Query, "")
                    .addEndpoint(Operation.GSP_R, "")
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "get");
            if (allowUpdate) {
                // Fuseki checks the user at the endpoint too, whatever path spelling reached it
                AuthPolicy admin = Auth.policyAllowSpecific(UpdateSecurity.USER);
                data.addEndpoint(Operation.Update, "update", admin).addEndpoint(Operation.GSP_RW, "data", admin);
            }
            FusekiServer.Builder fusekiBuilder = FusekiServer.create();
            // writes exist only with updates on, and then Jetty's security handler guards them
            if (allowUpdate) fusekiBuilder.securityHandler(UpdateSecurity.handler(site.dataset, password));
            if (verbose) fusekiBuilder.addFilter("/*", new RequestLogFilter(site.dataset));
            fusekiBuilder
                    .port(port)
                    .loopback(false) // the host is set on the connector below: 127.0.0.1 unless --host says otherwise
                    .enableCors(false) // CorsFilter does it, without letting credentials ride along
                    .enablePing(true) // Fuseki's read-only admin endpoints, as Fuseki answers them
                    .enableStats(true)
                    .enableMetrics(true)
                    .addServlet("/$/datasets/*", new DatasetsAction())
                    .add(site.dataset, data)
                    .addFilter("/*", new QuerySizeFilter(maxQuerySize))
                    .addFilter("/*", new CorsFilter(allowUpdate))
                    .addFilter("/*", new FusekiErrorFilter(site))
                    .addFilter("/*", new UnionDefaultGraphFilter(site))
                    .addServlet("", new HomeServlet(site))
                    .addServlet("/id/*", new LinkedDataServlet(site))
                    .addServlet(Site.ONTOLOGY, new OntologyServlet(site))
                    .addServlet(ContextServlet.PATH, new ContextServlet())
                    .addServlet(Site.VOID, new VoidServlet(site))
                    .addServlet(site.dataset + NamedQueryServlet.SEGMENT + "/*", new NamedQueryServlet(site))
                    .addServlet(site.dataset + CheckServlet.SEGMENT, new CheckServlet(site))
                    .addServlet(site.dataset + PolicyServlet.SEGMENT + "/*", new PolicyServlet(site, allowUpdate))
                    .addServlet(EditorServlet.PATH, new EditorServlet(site))
                    .addServlet(AssetServlet.PATH + "/*", new AssetServlet())
                    .addServlet(SearchServlet.PATH, new SearchServlet(site));
            if (!allowUpdate) {
                fusekiBuilder.addServlet(site.dataset + "/update/*", new ReadOnlyServlet(site.dataset))
                        .addServlet(site.dataset + "/data/*", new ReadOnlyServlet(site.dataset));
            }
            FusekiServer fuseki = fusekiBuilder.build();
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(host);
                    // IRIs of data items keep a '/' of their label as %2F inside one path segment
                    HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null) {
                        http.getHttpConfiguration().setUriCompliance(
                                UriCompliance.DEFAULT.with("privkg", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
                        http.getHttpConfiguration().setSendServerVersion(false);
                    }
                }
            }
            // one error body for privkg's errors and Jetty's own, in the context and before it
            ErrorBodyHandler errors = new ErrorBodyHandler();
            fuseki.getJettyServer().setErrorHandler(errors);
            ServletContextHandler context = fuseki.getJettyServer().getDescendant(ServletContextHandler.class);
            if (context != null) {
                context.setErrorHandler(errors);
                context.getServletHandler().setDecodeAmbiguousURIs(true);
                // a form-encoded query or update (query=..., update=...) is held to the same size
                context.setMaxFormContentSize((int) maxQuerySize + 1024);
            }
            return new PrivkgServer(fuseki, site, host);
        }
    }

    /** Whether the name can be a dataset's path segment: letters, digits, '-' and '_'. */
    public static boolean isDatasetName(String name) {
        return name != null && Site.NAME.matcher(name).matches();
    }

    /** Why a dataset name is refused; it becomes a path segment and the start of every endpoint's URL. */
    public static String nameProblem(String name) {
        return "the dataset name '" + name + "' is not usable: it becomes the path /NAME, so it may hold only letters, "
                + "digits, '-' and '_' (e.g. --name corpus, which serves /corpus/sparql)";
    }

    /**
     * Turns on Fuseki's request log (INFO lines on standard output). Call it before anything else of Jena
     * runs: logging is configured once, at its first use.
     */
    public static void logRequests() {
        FusekiLogging.setLogging();
    }

    /** Starts listening; says plainly why when it cannot (port in use, unknown host). */
    public synchronized PrivkgServer start() {
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            try {
                fuseki.stop();
            } catch (RuntimeException ignored) {
                // nothing was listening
            }
            throw new ServerException(startFailure(e), e);
        }
        started = true;
        site.origin(url());
        // the first query using privkg's functions would otherwise pay for reading their tables (every
        // data-item label: seconds at 10,000 policies); a warm-up that fails costs nothing but that
        warmUp = new Thread(() -> PrivkgFunctions.prepare(site.store.dataset()), "privkg-function-tables");
        warmUp.setDaemon(true);
        warmUp.start();
        // the dashboard's figures take seconds over a large corpus: ready before the first visit, most likely
        site.figures.prepare();
        return this;
    }

    private String startFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String what = t.getMessage() != null && t.getMessage().toLowerCase().contains("assign")
                        ? "cannot listen on " + host + ": no such address on this machine (--host)"
                        : "port " + requestedPort() + " on " + host + " is already in use (another 'privkg serve' or Fuseki?); "
                        + "choose another with --port, or --port 0 for any free one";
                return what;
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "cannot listen on host '" + host + "': the name does not resolve (--host)";
            }
        }
        return "the server could not start: " + e.getMessage();
    }

    private int requestedPort() {
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) return sc.getPort();
        }
        return -1;
    }

    /** The port the server listens on (the one picked when 0 was asked for). */
    public int port() {
        return fuseki.getHttpPort();
    }

    public String host() {
        return host;
    }

    /** The server's base URL without a trailing slash, e.g. {@code http://127.0.0.1:3030}. */
    public String url() {
        String h = isWildcard(host) ? "localhost" : host;
        if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
        return "http://" + h + ":" + port();
    }

    public String base() {
        return site.base();
    }

    static boolean isWildcard(String host) {
        return host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
    }

    /** What the server offers, one line per URL, for the start banner. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add("privkg serve: " + site.store.dir() + " (" + count(site.store.policyIds().size()) + "), listening on "
                + (isWildcard(host) ? "all network interfaces" : host) + " port " + port());
        for (Site.Endpoint e : site.endpoints()) {
            lines.add(String.format("  %-20s %s%s", e.label(), url(), e.path()));
        }
        lines.add("  Instance IRIs under " + site.base() + " dereference at " + url() + Site.ID + "...");
        lines.add("  Queries time out after " + (site.timeout.isZero() ? "never (no --timeout)" : site.timeoutText())
                + "; CORS is open to browser clients; "
                + (site.allowUpdate ? "updates need HTTP Basic auth as user admin." : "read-only (--allow-update to accept updates)."));
        if (!isLoopback(host)) {
            lines.add("  Note: reachable from other machines" + (site.allowUpdate
                    ? "; Basic auth over plain HTTP sends the password readable on the network - put TLS in front."
                    : "."));
        }
        lines.add("Stop with Ctrl-C (or SIGTERM).");
        return lines;
    }

    private static String count(int n) {
        return n + (n == 1 ? " policy" : " policies");
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /**
     * Stops the server (idempotent): cancels the queries still running, stops listening, and waits up to
     * {@link #SHUTDOWN_GRACE} for their transactions to end. The store stays open, it belongs to whoever
     * opened it; {@link #idle()} tells whether it may be closed now.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        QueryGuard.cancelAll(site.dsg);
        if (started) fuseki.stop();
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (!idle() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        site.figures.settle(SHUTDOWN_GRACE);
        QueryGuard.resume(site.dsg);
        if (warmUp != null) {
            try {
                // bounded: the warm-up is only a cache; an unfinished one ends with the process
                warmUp.join(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether no transaction is active on the store (a query still unwinding holds one). */
    public boolean idle() {
        try {
            return TDBInternal.getTransactionCoordinator(site.dsg).countActive() == 0;
        } catch (RuntimeException e) {
            return true; // not a TDB2 dataset, or already closed
        }
    }

    /**
     * The instance base the dataset's IRIs were minted with, read off a stored policy IRI
     * ({@code BASE + "policy/" + ID}); empty when the dataset has no policies.
     */
    public static Optional<String> detectBase(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            var it = dsg.find(Node.ANY, Node.ANY, PK.policyId, Node.ANY);
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (!q.getSubject().isURI() || !q.getObject().isLiteral()) continue;
                    String iri = q.getSubject().getURI();
                    String tail = "policy/" + Iris.encode(q.getObject().getLiteralLexicalForm());
                    if (iri.endsWith(tail) && iri.length() > tail.length()) return Optional.of(iri.substring(0, iri.length() - tail.length()));
                }
                return Optional.<String>empty();
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        });
    }
}
