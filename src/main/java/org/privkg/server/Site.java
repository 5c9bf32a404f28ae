package org.privkg.server;

import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.graph.GraphFactory;
import org.privkg.rdf.Iris;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/** What every part of the server shares: the store, its IRIs, and how the server was configured. */
final class Site {
    /** The dataset's name unless {@code serve --name} gives another; its path is {@code /NAME}. */
    static final String DEFAULT_NAME = "privkg";
    /** What a dataset name may hold: it is one path segment, and appears unescaped in pages and VoID. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    static final String ID = "/id/";
    static final String ONTOLOGY = "/ontology";
    static final String VOID = "/.well-known/void";

    final PolicyStore store;
    final DatasetGraph dsg;
    final Iris iris;
    final boolean allowUpdate;
    /** The query time limit; zero for none. */
    final Duration timeout;
    final PrefixMapping prefixes;
    /** The dataset's path, {@code /privkg} by default: every SPARQL, Graph Store, query and policy URL is under it. */
    final String dataset;
    final DashboardFigures figures;

    Site(PolicyStore store, String name, boolean allowUpdate, Duration timeout) {
        this.store = store;
        this.dataset = "/" + name;
        this.dsg = store.dataset();
        this.iris = store.iris();
        this.allowUpdate = allowUpdate;
        this.timeout = timeout == null ? Duration.ZERO : timeout;
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(RdfFormat.prefixes(iris.base()));
        pm.setNsPrefix("void", "http://rdfs.org/ns/void#");
        this.prefixes = pm.lock();
        this.figures = new DashboardFigures(dsg);
    }

    /** scheme://host:port of this server as configured, never as a request's Host header says. */
    private volatile String origin = "";

    void origin(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    String base() {
        return iris.base();
    }

    /**
     * The path on this server at which an IRI is described, or null when this server does not serve it:
     * instance IRIs under the base go to {@code /id/...}, ontology terms to {@code /ontology#Term}.
     */
    String localPath(String iri) {
        if (iri.equals(PK.ONTOLOGY_GRAPH)) return ONTOLOGY;
        if (iri.startsWith(PK.NS)) return ONTOLOGY + "#" + iri.substring(PK.NS.length());
        if (iri.startsWith(base()) && iri.length() > base().length()) return ID + iri.substring(base().length());
        return null;
    }

    /** The ontology as stored in its graph, or the bundled one when the dataset has none yet. */
    Graph ontology() {
        Node g = NodeFactory.createURI(PK.ONTOLOGY_GRAPH);
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(g).find().forEachRemaining(copy::add));
        Graph source = copy.isEmpty() ? PolicyStore.Ontology.graph() : copy;
        if (source == copy) copy.getPrefixMapping().setNsPrefixes(PolicyStore.Ontology.graph().getPrefixMapping());
        return source;
    }

    /** One URL the server answers, for the start banner and the home page. */
    record Endpoint(String label, String path, String note) {
    }

    java.util.List<Endpoint> endpoints() {
        java.util.List<Endpoint> out = new java.util.ArrayList<>(java.util.List.of(
                new Endpoint("SPARQL endpoint", dataset + "/sparql", "SPARQL 1.1 query, GET or POST; also " + dataset + "/query"),
                new Endpoint("Graph Store (read)", dataset + "/get", "?graph=IRI for one graph; ?default for the union"),
                new Endpoint("Bundled queries", dataset + "/queries", "run one: " + dataset + "/queries/NAME?param=value"),
                new Endpoint("Policies", dataset + "/policies", "list; " + dataset + "/policies/ID gives a policy's graph"),
                new Endpoint("Linked data", ID + "policy/ID", "IRIs under " + base() + " by Accept: Turtle, JSON-LD, N-Triples, HTML"),
                new Endpoint("Ontology", ONTOLOGY, "Turtle by default"),
                new Endpoint("VoID", VOID, "dataset description")));
        if (allowUpdate) {
            out.add(new Endpoint("SPARQL update", dataset + "/update", "HTTP Basic auth as admin"));
            out.add(new Endpoint("Graph Store (write)", dataset + "/data", "HTTP Basic auth as admin"));
            out.add(new Endpoint("Load a policy", dataset + "/policies/ID", "PUT the annotated text; HTTP Basic auth as admin"));
        }
        return out;
    }

    String timeoutText() {
        return formatSeconds(timeout);
    }

    static String formatSeconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0).replaceAll("0+ s$", " s");
    }

    /** The message a client gets when its query runs past the limit. */
    String timeoutMessage() {
        return "503 Query timed out: it ran longer than this server's limit of " + timeoutText()
                + " and was stopped. Narrow it (more specific patterns, a LIMIT, fewer OPTIONALs or property paths), "
                + "or ask whoever runs the server to raise 'privkg serve --timeout'.";
    }
}
