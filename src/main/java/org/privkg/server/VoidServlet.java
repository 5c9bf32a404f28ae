package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.privkg.query.InternalQueries;
import org.privkg.rdf.Iris;
import org.privkg.rdf.Provenance;
import org.privkg.vocab.PK;

/**
 * {@code GET /.well-known/void}: a VoID description of the dataset (RFC 5785 well-known location): its size,
 * its policies (one subset per policy graph), the vocabularies it uses and where to query it.
 */
final class VoidServlet extends HttpServlet {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final List<String> OFFERS = List.of(Http.TURTLE, Http.JSONLD, Http.NTRIPLES, Http.RDFXML, Http.HTML);

    private final transient Site site;
    /** Statistics are a scan of the dataset; they are kept until the next write transaction. */
    private transient Stats cached;
    private transient long cachedVersion = -1;

    VoidServlet(Site site) {
        this.site = site;
    }

    /** A named graph; for a policy graph, its provenance and its metadata as their graphs record them (or empty). */
    record GraphCount(String graph, String policyId, long triples, List<Node[]> provenance) {
    }

    record Stats(long policies, long practices, long clauses, long dataItems, long purposes, long triples,
                 List<GraphCount> graphs, List<String> vocabularies) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String type = Http.negotiateOrRefuse(req, res, OFFERS);
        if (type == null) return;
        Stats stats;
        try {
            stats = stats();
        } catch (QueryCancelledException e) {
            Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
            return;
        }
        Graph g = describe(site.origin(), stats);
        if (type.equals(Http.HTML)) {
            String html = HtmlPages.graph(site, "VoID description",
                    intro -> intro.appendText("What this dataset holds and where to query it (")
                            .appendElement("a").attr("href", "https://www.w3.org/TR/void/").text("VoID").parent().appendText(")."),
                    g, new Labels(g, site.ontology()), Site.VOID);
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        var prefixes = org.apache.jena.shared.PrefixMapping.Factory.create().setNsPrefixes(site.prefixes)
                .setNsPrefix("foaf", FOAF);
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), RdfOut.serialize(g, type, prefixes));
    }

    Graph describe(String origin, Stats s) {
        Graph g = GraphFactory.createDefaultGraph();
        Node doc = uri(origin + Site.VOID);
        Node ds = uri(origin + Site.VOID + "#privkg");
        add(g, doc, RDF.type.asNode(), uri(VOID + "DatasetDescription"));
        add(g, doc, DCTerms.title.asNode(), NodeFactory.createLiteralLang("VoID description of the privkg knowledge graph", "en"));
        add(g, doc, uri(FOAF + "primaryTopic"), ds);

        add(g, ds, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("privkg knowledge graph", "en"));
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("隐私政策知识图谱", "zh"));
        add(g, ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Data practices stated in annotated Chinese privacy policies: which actor collects, uses or shares which "
                        + "personal data, for which purposes, with whom. One named graph per policy, the ontology in its own "
                        + "graph; SPARQL queries see the union of all graphs as the default graph.", "en"));
        add(g, ds, uri(VOID + "sparqlEndpoint"), uri(origin + site.dataset + "/sparql"));
        add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(site.base()));
        add(g, ds, uri(VOID + "triples"), integer(s.triples()));
        for (String f : List.of("Turtle", "JSON-LD", "N-Triples", "RDF_XML")) {
            add(g, ds, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/" + f));
        }
        for (String v : s.vocabularies()) add(g, ds, uri(VOID + "vocabulary"), uri(v));
        classPartition(g, ds, "Policy", s.policies());
        classPartition(g, ds, "DataPractice", s.practices());
        classPartition(g, ds, "Clause", s.clauses());
        classPartition(g, ds, "DataType", s.dataItems());
        classPartition(g, ds, "Purpose", s.purposes());
        boolean example = false;
        for (GraphCount gc : s.graphs()) {
            Node sub;
            if (gc.policyId() != null) {
                sub = uri(origin + Site.VOID + "#policy-" + Iris.encode(gc.policyId()));
                add(g, sub, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(gc.policyId()));
                add(g, sub, DCTerms.title.asNode(), NodeFactory.createLiteralString("policy " + gc.policyId()));
                add(g, sub, uri(VOID + "exampleResource"), uri(gc.graph()));
                for (Node[] po : gc.provenance()) add(g, sub, po[0], po[1]);
                if (!example) {
                    add(g, ds, uri(VOID + "exampleResource"), uri(gc.graph()));
                    example = true;
                }
            } else if (gc.graph().equals(PK.ONTOLOGY_GRAPH)) {
                sub = uri(origin + Site.VOID + "#ontology");
                add(g, sub, DCTerms.title.asNode(), NodeFactory.createLiteralLang("privkg ontology", "en"));
                add(g, sub, uri(VOID + "rootResource"), uri(PK.ONTOLOGY_GRAPH));
            } else {
                continue;
            }
            add(g, ds, uri(VOID + "subset"), sub);
            add(g, sub, RDF.type.asNode(), uri(VOID + "Dataset"));
            add(g, sub, uri(VOID + "triples"), integer(gc.triples()));
            add(g, sub, uri(VOID + "dataDump"), uri(origin + site.dataset + "/get?graph=" + Http.queryParam(gc.graph())));
        }
        return g;
    }

    private static void classPartition(Graph g, Node ds, String pkClass, long entities) {
        Node part = NodeFactory.createBlankNode();
        add(g, ds, uri(VOID + "classPartition"), part);
        add(g, part, uri(VOID + "class"), PK.term(pkClass));
        add(g, part, uri(VOID + "entities"), integer(entities));
    }

    synchronized Stats stats() {
        long version = dataVersion();
        if (cached != null && version >= 0 && version == cachedVersion) return cached;
        Stats s = compute();
        if (version >= 0 && version == dataVersion()) {
            cached = s;
            cachedVersion = version;
        }
        return s;
    }

    /** Counts write transactions, so a cached result can be trusted; -1 while a write runs or if unknown. */
    private long dataVersion() {
        try {
            var coordinator = TDBInternal.getTransactionCoordinator(site.dsg);
            if (coordinator == null || coordinator.countActiveWriter() > 0) return -1;
            return coordinator.countBeginWrite();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private Stats compute() {
        long[] counts = InternalQueries.run(site.dsg, "stats", Map.of(), e -> {
            RowSet rows = e.select();
            Binding b = rows.hasNext() ? rows.next() : null;
            long[] c = new long[5];
            String[] vars = {"policies", "practices", "dataItems", "purposes", "triples"};
            for (int i = 0; i < vars.length; i++) c[i] = b == null || b.get(vars[i]) == null ? 0 : number(b.get(vars[i]));
            return c;
        });
        long clauses = InternalQueries.run(site.dsg, "void-clauses", Map.of(), e -> {
            RowSet rows = e.select();
            return rows.hasNext() ? number(rows.next().get("n")) : 0L;
        });
        // what 'load --meta' says of a policy (Dublin Core, DCAT) describes its subset as well
        Map<String, List<Node[]>> metadata = new HashMap<>();
        InternalQueries.select(site.dsg, "void-metadata", Map.of(), b -> {
            if (b.get("graph").isURI()) metadata.computeIfAbsent(b.get("graph").getURI(), k -> new ArrayList<>()).add(new Node[] {b.get("p"), b.get("o")});
        });
        List<GraphCount> graphs = InternalQueries.run(site.dsg, "void-graphs", Map.of(), e -> {
            List<GraphCount> out = new ArrayList<>();
            e.select().forEachRemaining(b -> {
                Node graph = b.get("graph");
                if (graph == null || !graph.isURI()) return;
                Node id = b.get("policyId");
                List<Node[]> prov = new ArrayList<>();
                // the subset is made by loading the policy: PROV-O and Dublin Core say when, from what, by which version
                if (b.get("loaded") != null) {
                    prov.add(new Node[] {uri(Provenance.PROV + "generatedAtTime"), b.get("loaded")});
                    prov.add(new Node[] {DCTerms.source.asNode(), b.get("source")});
                    prov.add(new Node[] {PK.inputSha256, b.get("sha256")});
                    prov.add(new Node[] {PK.privkgVersion, b.get("version")});
                }
                prov.addAll(metadata.getOrDefault(graph.getURI(), List.of()));
                out.add(new GraphCount(graph.getURI(), id == null ? null : id.getLiteralLexicalForm(), number(b.get("triples")), prov));
            });
            return out;
        });
        List<String> vocabularies = InternalQueries.run(site.dsg, "void-vocabularies", Map.of(), e -> {
            TreeSet<String> out = new TreeSet<>();
            e.select().forEachRemaining(b -> {
                Node term = b.get("term");
                if (term == null || !term.isURI()) return;
                String iri = term.getURI();
                if (iri.startsWith(site.base())) return;
                int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
                if (cut <= 0) return;
                String ns = iri.substring(0, cut + 1);
                out.add(ns.endsWith("#") ? ns.substring(0, ns.length() - 1) : ns);
            });
            return new ArrayList<>(out);
        });
        return new Stats(counts[0], counts[1], clauses, counts[2], counts[3], counts[4], graphs, vocabularies);
    }

    private static long number(Node n) {
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
