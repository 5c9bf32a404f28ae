package org.privkg.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * A line-by-line port of the reference gold scorer (score.py, not part of this project): scores the privkg RDF of one policy against a
 * gold JSON file. Every function of the script has a counterpart here with the same name in Java case
 * ({@code norm}, {@code alts}, {@code label}, {@code truthy}, {@code findPolicy}, {@code outputFacts},
 * {@code closure}, {@code goldFacts}, {@code ok}, {@code matchPairs}, {@code matchSet}, {@code scoreOne},
 * {@code prf}); keep them in step with the script.
 *
 * <p>The script reads its RDF into an rdflib {@code Dataset(default_union=True)} and queries a
 * {@code ConjunctiveGraph} over the same store, i.e. the set union of the default graph and every
 * named graph; {@link #unionOf(DatasetGraph)} builds the same union. The skos:broader edges are taken
 * from the policy's own named graph, or from the union when that graph is empty.
 *
 * <p>Where the script leans on Python semantics the port mirrors them: {@code str.split('|')} keeps
 * empty pieces, {@code \s} is Unicode white space as {@code str.isspace()} defines it, an empty label
 * counts as no label, {@code str(None)} is {@code "None"}, JSON truthiness is Python truthiness, and
 * {@code :.2f} rounds the exact binary value half-to-even.
 *
 * <p>Known differences, none of which the privkg writer can produce: Jena canonicalises the case of
 * language tags while rdflib 6 keeps them as written (so a label tagged {@code ZH} counts as Chinese
 * here but not in the script); rdflib normalises some typed literals' lexical forms (e.g. {@code "01"^^xsd:integer}
 * to {@code 1}) and Jena does not; gold values are held as strings, so the JSON values {@code 1} and
 * {@code "1"} in the same field are one pair here and two in the script; and where several nodes or
 * labels could be picked "first", rdflib's order is arbitrary while this port takes Jena's (and, for
 * the policy node, prefers an IRI ending in {@code /policy/<id>}).
 */
public final class GoldScorer {
    public static final String PK = "https://w3id.org/privkg/ontology#";

    /** The metrics in the script's order. */
    public static final List<String> METRICS =
            List.of("ad", "dp", "xd", "neg", "recipient", "source", "storage", "consent", "sensitive", "hierarchy");

    static {
        JenaSystem.init(); // before touching Jena's vocabulary classes from a cold start (main)
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node BROADER = SKOS.broader.asNode();

    private GoldScorer() {
    }

    static Node pk(String local) {
        return NodeFactory.createURI(PK + local);
    }

    // ------------------------------------------------------------------ results

    /** One metric's counts, as the script's 4-tuples {@code (tp_gold, n_gold, tp_out, n_out)}. */
    public record Score(int tpGold, int nGold, int tpOut, int nOut) {
        public static final Score ZERO = new Score(0, 0, 0, 0);

        public Score plus(Score o) {
            return new Score(tpGold + o.tpGold, nGold + o.nGold, tpOut + o.tpOut, nOut + o.nOut);
        }

        /** {@code prf(t)[0]}: null when nothing was expected and nothing output, or nothing output. */
        public Double precision() {
            return prf(this).p();
        }

        /** {@code prf(t)[1]}: null when nothing was expected. */
        public Double recall() {
            return prf(this).r();
        }

        /** {@code prf(t)[2]}: null only when nothing was expected and nothing output. */
        public Double f1() {
            return prf(this).f();
        }
    }

    /** The script's {@code (P, R, F)}; any of them may be null (Python {@code None}). */
    public record Prf(Double p, Double r, Double f) {
    }

    /**
     * What {@code score_one} returns: the counts per metric (in {@link #METRICS} order), whether the
     * policy was found, and how many practices it has.
     */
    public record Result(String policyId, boolean found, int practices, Map<String, Score> scores) {
        public Result {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }

        public Score score(String metric) {
            Score s = scores.get(metric);
            if (s == null) throw new IllegalArgumentException("no metric " + metric);
            return s;
        }

        public Prf prf(String metric) {
            return GoldScorer.prf(score(metric));
        }

        public Double f1(String metric) {
            return prf(metric).f();
        }

        /** The script's per-policy line, e.g. {@code finance: found=True practices=40 ad=0.97 ... hierarchy=n/a}. */
        public String summaryLine() {
            StringBuilder sb = new StringBuilder();
            sb.append(policyId).append(": found=").append(found ? "True" : "False")
                    .append(" practices=").append(practices);
            for (String k : METRICS) {
                Double f = f1(k);
                sb.append(' ').append(k).append('=').append(f == null ? "n/a" : fmt2(f));
            }
            return sb.toString();
        }

        /** The raw counts, {@code metric=tpGold/nGold/tpOut/nOut}, for comparing with the script. */
        public String countsLine() {
            StringBuilder sb = new StringBuilder(policyId).append(':');
            for (String k : METRICS) {
                Score s = score(k);
                sb.append(' ').append(k).append('=').append(s.tpGold()).append('/').append(s.nGold())
                        .append('/').append(s.tpOut()).append('/').append(s.nOut());
            }
            return sb.toString();
        }

        /** The exact P, R and F per metric, {@code metric=P,R,F}, for comparing with the script. */
        public String exactLine() {
            StringBuilder sb = new StringBuilder(policyId).append(':');
            for (String k : METRICS) {
                Prf x = prf(k);
                sb.append(' ').append(k).append('=').append(exact(x.p())).append(',').append(exact(x.r()))
                        .append(',').append(exact(x.f()));
            }
            return sb.toString();
        }
    }

    /** Python's {@code str(decimal.Decimal(x))} for a float: its exact value; "None" for null. */
    static String exact(Double x) {
        if (x == null) return "None";
        return new BigDecimal(x).toString();
    }

    /** The script's {@code micro:} line for the summed counts of several results. */
    public static String microLine(Collection<Result> results) {
        StringBuilder sb = new StringBuilder("micro:");
        for (String k : METRICS) {
            Score total = Score.ZERO;
            for (Result r : results) total = total.plus(r.score(k));
            Prf x = prf(total);
            sb.append(' ').append(k).append('=');
            if (x.f() == null) {
                sb.append("n/a");
            } else {
                sb.append('P').append(fmtOrDash(x.p())).append("/R").append(fmtOrDash(x.r()))
                        .append("/F").append(fmtOrDash(x.f()));
            }
        }
        return sb.toString();
    }

    /** Python's {@code f"{x:.2f}"}: the exact binary value rounded half to even. */
    public static String fmt2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String fmtOrDash(Double x) {
        return x == null ? "-" : fmt2(x);
    }

    // ------------------------------------------------------------------ text

    /** Python's {@code str.isspace()}, which is what {@code \s} matches in a str pattern. */
    static boolean isPySpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** {@code norm(s)}: NFKC, then every white-space character removed. */
    public static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(c -> !isPySpace(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Python's {@code s.split("|")}: keeps empty pieces, unlike {@link String#split(String)}. */
    static String[] splitBar(String s) {
        return s.split("\\|", -1);
    }

    /** {@code alts(s)}: the normalised alternatives of {@code a|b}. */
    public static Set<String> alts(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : splitBar(s)) out.add(norm(a));
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    // ------------------------------------------------------------------ RDF side

    /** Python's {@code str(node)} for an rdflib term: IRI, lexical form, or blank node id. */
    static String str(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isBlank()) return n.getBlankNodeLabel();
        return n.toString();
    }

    /** The set union of the default graph and all named graphs (rdflib's ConjunctiveGraph over the store). */
    public static Graph unionOf(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        Iterator<Quad> it = dsg.find();
        while (it.hasNext()) g.add(it.next().asTriple());
        return g;
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        List<Node> out = new ArrayList<>();
        g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }

    /** {@code label(g, node)}: a zh-tagged rdfs:label if any, else any label; normalised; null if none. */
    static String label(Graph g, Node node) {
        if (node == null) return null;
        List<Node> labels = objects(g, node, LABEL);
        for (Node o : labels) {
            if (o.isLiteral() && o.getLiteralLanguage().startsWith("zh")) return norm(str(o));
        }
        for (Node o : labels) return norm(str(o));
        return null;
    }

    /** {@code truthy(g, node, prop)}: some value reads "true" or "1". */
    static boolean truthy(Graph g, Node node, Node prop) {
        for (Node o : objects(g, node, prop)) {
            String v = str(o).toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("1")) return true;
        }
        return false;
    }

    private static String rstripSlash(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') end--;
        return s.substring(0, end);
    }

    /** {@code find_policy(g, pid)}: the pk:Policy whose IRI ends with {@code /policy/<id>} (or {@code /<id>}). */
    static Node findPolicy(Graph g, String pid) {
        List<Node> policies = subjects(g, TYPE, pk("Policy"));
        for (Node p : policies) {
            if (rstripSlash(str(p)).endsWith("/policy/" + pid)) return p;
        }
        for (Node p : policies) {
            if (rstripSlash(str(p)).endsWith("/" + pid)) return p;
        }
        return null;
    }

    /** A pair of strings: the script's 2-tuples. */
    public record Pair(String a, String b) {
        public Pair {
            Objects.requireNonNull(a);
            Objects.requireNonNull(b);
        }
    }

    /** What {@code output_facts} gathers: pair sets per metric, sensitive labels, broader edges, practice count. */
    static final class Facts {
        final Map<String, Set<Pair>> pairs = new HashMap<>();
        final Set<String> sensitive = new LinkedHashSet<>();
        final Set<Pair> broader = new LinkedHashSet<>();
        int practices;

        Set<Pair> get(String k) {
            return pairs.computeIfAbsent(k, x -> new LinkedHashSet<>());
        }
    }

    private static List<String> orDash(List<String> data) {
        return data.isEmpty() ? List.of("-") : data;
    }

    static Facts outputFacts(DatasetGraph dsg, Graph g, Node pol) {
        Facts F = new Facts();
        List<Node> prs = new ArrayList<>();
        for (Node p : subjects(g, pk("inPolicy"), pol)) {
            if (g.contains(p, TYPE, pk("DataPractice"))) prs.add(p);
        }
        F.practices = prs.size();
        for (Node p : prs) {
            List<String> acts = new ArrayList<>();
            for (Node a : objects(g, p, pk("action"))) acts.add(str(a).replace(PK, ""));
            if (acts.isEmpty()) acts.add("?");
            String act = acts.get(0);
            boolean neg = truthy(g, p, pk("negated"));
            List<String> actors = new ArrayList<>();
            for (Node a : objects(g, p, pk("actor"))) {
                if (g.contains(a, TYPE, pk("FirstParty"))) {
                    actors.add("first-party");
                } else {
                    String l = label(g, a);
                    actors.add(present(l) ? l : "<unlabelled>");
                }
            }
            List<String> data = labels(g, objects(g, p, pk("data")));
            List<String> purps = labels(g, objects(g, p, pk("purpose")));
            if (neg) {
                for (String d : orDash(data)) F.get("neg").add(new Pair(act, d));
                continue;
            }
            for (String d : data) {
                F.get("ad").add(new Pair(act, d));
                for (String u : purps) F.get("dp").add(new Pair(d, u));
                for (String a : actors) F.get("xd").add(new Pair(a, d));
            }
            for (Node r : objects(g, p, pk("recipient"))) {
                if (g.contains(r, TYPE, pk("DataSubject"))) continue;
                for (String d : orDash(data)) F.get("recipient").add(new Pair(d, labelOr(g, r)));
            }
            for (Node s : objects(g, p, pk("source"))) {
                if (g.contains(s, TYPE, pk("DataSubject"))) continue;
                for (String d : orDash(data)) F.get("source").add(new Pair(d, labelOr(g, s)));
            }
            for (Node s : objects(g, p, pk("storedIn"))) {
                for (String d : orDash(data)) F.get("storage").add(new Pair(d, labelOr(g, s)));
            }
            if (truthy(g, p, pk("requiresConsent"))) {
                for (String d : data) F.get("consent").add(new Pair(act, d));
            }
        }
        for (Node d : objects(g, pol, pk("declaresSensitive"))) {
            String l = label(g, d);
            if (present(l)) F.sensitive.add(l);
        }
        // broader edges stated in this policy's own named graph (the whole graph when it is empty)
        Graph own = dsg.getGraph(pol);
        if (own.isEmpty()) own = g;
        Iterator<Triple> it = own.find(Node.ANY, BROADER, Node.ANY);
        while (it.hasNext()) {
            Triple t = it.next();
            Node c = t.getSubject();
            Node par = t.getObject();
            String lc = label(g, c);
            String lp = label(g, par);
            if (present(lc) && present(lp) && g.contains(c, TYPE, pk("DataType"))) {
                F.broader.add(new Pair(lc, lp));
            }
        }
        return F;
    }

    private static List<String> labels(Graph g, List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            String l = label(g, n);
            if (present(l)) out.add(l);
        }
        return out;
    }

    private static String labelOr(Graph g, Node n) {
        String l = label(g, n);
        return present(l) ? l : "<unlabelled>";
    }

    /** {@code closure(edges)}: for each child, every node reachable through one or more edges. */
    static Map<String, Set<String>> closure(Collection<Pair> edges) {
        Map<String, Set<String>> up = new LinkedHashMap<>();
        for (Pair e : edges) up.computeIfAbsent(e.a(), k -> new LinkedHashSet<>()).add(e.b());
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String c : up.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(up.get(c));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (seen.add(p)) todo.addAll(up.getOrDefault(p, Set.of()));
            }
            out.put(c, seen);
        }
        return out;
    }

    // ------------------------------------------------------------------ gold side

    /** A gold ancestor entry: the child must reach one of the parents through skos:broader. */
    public record Ancestor(String child, Set<String> parents) {
    }

    /** What {@code gold_facts} returns: required pairs G and optional pairs OPT, per metric. */
    public static final class Gold {
        final String policy;
        final Map<String, Set<Pair>> G = new HashMap<>();
        final Map<String, Set<Pair>> OPT = new HashMap<>();
        final Set<String> sensitive = new LinkedHashSet<>();
        final Set<String> sensitiveOpt = new LinkedHashSet<>();
        final List<Ancestor> ancestor = new ArrayList<>();

        private Gold(String policy) {
            this.policy = policy;
        }

        public String policy() {
            return policy;
        }

        Set<Pair> g(String k) {
            return G.computeIfAbsent(k, x -> new LinkedHashSet<>());
        }

        Set<Pair> opt(String k) {
            return OPT.computeIfAbsent(k, x -> new LinkedHashSet<>());
        }

        public static Gold read(Path file) throws IOException {
            return of(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        }

        public static Gold parse(String json) throws IOException {
            return of(JSON.readTree(json));
        }

        public static Gold of(JsonNode gd) {
            return goldFacts(gd);
        }
    }

    /** Python's {@code str(value)} for a JSON value. */
    static String str(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) return "None";
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isTextual()) return v.textValue();
        return v.toString();
    }

    /** Python truthiness of a JSON value ({@code None}, false, 0, "", [] and {} are false). */
    static boolean pyTruthy(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.doubleValue() != 0;
        if (v.isTextual()) return !v.textValue().isEmpty();
        return v.size() > 0;
    }

    /** {@code d.get(key, [])} for a list. */
    private static List<JsonNode> list(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) throw new IllegalArgumentException("gold: '" + key + "' is not a list: " + v);
        v.forEach(out::add);
        return out;
    }

    private static List<String> normList(JsonNode obj, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : list(obj, key)) out.add(norm(str(x)));
        return out;
    }

    private static String getStr(JsonNode obj, String key, String dflt) {
        return obj.has(key) ? str(obj.get(key)) : dflt;
    }

    static Gold goldFacts(JsonNode gd) {
        if (!gd.has("policy")) throw new IllegalArgumentException("gold: no 'policy'");
        Gold gold = new Gold(str(gd.get("policy")));
        List<JsonNode> prs = new ArrayList<>(list(gd, "practices"));
        prs.addAll(list(gd, "inferred")); // the script adds inferred=True, which it never reads
        for (JsonNode pr : prs) {
            String act = getStr(pr, "action", "*");
            List<String> data = normList(pr, "data");
            List<String> opt = normList(pr, "dataOptional");
            List<String> purps = normList(pr, "purposes");
            List<String> popt = normList(pr, "purposesOptional");
            String actor = getStr(pr, "actor", "first-party");
            if (!actor.equals("first-party")) {
                List<String> parts = new ArrayList<>();
                for (String a : splitBar(actor)) parts.add(norm(a));
                actor = String.join("|", parts);
            }
            for (String d : data) {
                (act.equals("*") ? gold.opt("ad") : gold.g("ad")).add(new Pair(act, d));
                for (String u : purps) gold.g("dp").add(new Pair(d, u));
                for (String u : popt) gold.opt("dp").add(new Pair(d, u));
                gold.g("xd").add(new Pair(actor, d));
            }
            for (String d : opt) {
                gold.opt("ad").add(new Pair(act, d));
                gold.opt("xd").add(new Pair(actor, d));
                for (String u : purps) gold.opt("dp").add(new Pair(d, u));
                for (String u : popt) gold.opt("dp").add(new Pair(d, u));
            }
            // with no required data, the party pair is (-, party); an output that resolved the
            // optional data instead matches it as well
            List<String> nodataParts = new ArrayList<>();
            nodataParts.add("-");
            nodataParts.addAll(opt);
            String nodata = String.join("|", nodataParts);
            String[][] fields = {{"recipient", "recipient"}, {"source", "source"}, {"storage", "storedIn"}};
            for (String[] kf : fields) {
                String key = kf[0];
                String field = kf[1];
                if (pr.has(field)) {
                    String party = str(pr.get(field));
                    for (String d : data.isEmpty() ? List.of(nodata) : data) gold.g(key).add(new Pair(d, party));
                    for (String d : opt) gold.opt(key).add(new Pair(d, party));
                }
            }
            JsonNode rc = pr.get("requiresConsent");
            if (pyTruthy(rc)) {
                boolean required = rc.isBoolean() && rc.booleanValue(); // rc is True
                for (String d : data) (required ? gold.g("consent") : gold.opt("consent")).add(new Pair(act, d));
                for (String d : opt) gold.opt("consent").add(new Pair(act, d));
            }
        }
        for (JsonNode n : list(gd, "negated")) {
            if (!n.has("action")) throw new IllegalArgumentException("gold: negated entry without 'action': " + n);
            List<String> opt = normList(n, "dataOptional");
            List<String> data = normList(n, "data");
            for (String d : data.isEmpty() ? List.of("-") : data) {
                List<String> parts = new ArrayList<>();
                parts.add(d);
                parts.addAll(opt);
                gold.g("neg").add(new Pair(str(n.get("action")), String.join("|", parts)));
            }
        }
        for (JsonNode s : list(gd, "sensitive")) gold.sensitive.add(norm(str(s)));
        for (JsonNode s : list(gd, "sensitiveOptional")) gold.sensitiveOpt.add(norm(str(s)));
        for (JsonNode ca : list(gd, "ancestor")) {
            if (!ca.isArray() || ca.size() != 2) throw new IllegalArgumentException("gold: ancestor entry is not a pair: " + ca);
            gold.ancestor.add(new Ancestor(norm(str(ca.get(0))), alts(str(ca.get(1)))));
        }
        return gold;
    }

    // ------------------------------------------------------------------ matching

    /** {@code _ok(o, g)}: output pair o matches gold pair g, whose items may hold alternatives ('*' first item: any). */
    static boolean ok(Pair o, Pair g) {
        return (g.a().equals("*") || alts(g.a()).contains(norm(o.a()))) && alts(g.b()).contains(norm(o.b()));
    }

    static Score matchPairs(Set<Pair> gold, Set<Pair> out, Set<Pair> opt) {
        int tpG = 0;
        for (Pair g : gold) {
            if (out.stream().anyMatch(o -> ok(o, g))) tpG++;
        }
        int tpO = 0;
        for (Pair o : out) {
            if (gold.stream().anyMatch(g -> ok(o, g)) || opt.stream().anyMatch(g -> ok(o, g))) tpO++;
        }
        return new Score(tpG, gold.size(), tpO, out.size());
    }

    static <T> Score matchSet(Set<T> gold, Set<T> out, Set<T> opt) {
        int tpG = (int) gold.stream().filter(out::contains).count();
        int tpO = (int) out.stream().filter(o -> gold.contains(o) || opt.contains(o)).count();
        return new Score(tpG, gold.size(), tpO, out.size());
    }

    /** {@code score_one(g, gd)} over a dataset. */
    public static Result score(DatasetGraph dsg, Gold gold) {
        if (dsg.supportsTransactions() && !dsg.isInTransaction()) {
            return org.apache.jena.system.Txn.calculateRead(dsg, () -> scoreInside(dsg, gold));
        }
        return scoreInside(dsg, gold);
    }

    private static Result scoreInside(DatasetGraph dsg, Gold gold) {
        Graph g = unionOf(dsg);
        Node pol = findPolicy(g, gold.policy);
        Facts F = pol == null ? new Facts() : outputFacts(dsg, g, pol);
        Map<String, Score> res = new LinkedHashMap<>();
        Function<String, Score> pairs = k -> matchPairs(gold.g(k), F.get(k), gold.opt(k));
        for (String k : List.of("ad", "xd", "neg", "recipient", "source", "storage", "consent")) res.put(k, pairs.apply(k));
        // data-purpose pairs take 'a|b' alternatives too, as score.py's do since 2026-12-07
        res.put("dp", pairs.apply("dp"));
        res.put("sensitive", matchSet(gold.sensitive, F.sensitive, gold.sensitiveOpt));
        // hierarchy: recall of gold ancestor pairs through the output closure; precision of output
        // edges against the gold closure
        Map<String, Set<String>> oc = closure(F.broader);
        int rec = 0;
        for (Ancestor a : gold.ancestor) {
            Set<String> reach = oc.getOrDefault(a.child(), Set.of());
            if (reach.stream().anyMatch(a.parents()::contains)) rec++;
        }
        List<Pair> gedges = new ArrayList<>();
        for (Ancestor a : gold.ancestor) for (String p : a.parents()) gedges.add(new Pair(a.child(), p));
        Map<String, Set<String>> gc = closure(gedges);
        int prec = 0;
        for (Pair e : F.broader) {
            if (gc.getOrDefault(e.a(), Set.of()).contains(e.b())) prec++;
        }
        res.put("hierarchy", new Score(rec, gold.ancestor.size(), prec, F.broader.size()));
        Map<String, Score> ordered = new LinkedHashMap<>();
        for (String k : METRICS) ordered.put(k, res.get(k));
        return new Result(gold.policy, pol != null, F.practices, ordered);
    }

    /**
     * {@code prf(t)}: nothing expected and nothing output gives all nulls; output where nothing was
     * expected, or nothing output where something was, gives F = 0.
     */
    public static Prf prf(Score t) {
        int tg = t.tpGold(), ng = t.nGold(), to = t.tpOut(), no = t.nOut();
        if (ng == 0 && no == 0) return new Prf(null, null, null);
        Double r = ng != 0 ? (double) tg / ng : null;
        Double p = no != 0 ? (double) to / no : null;
        if (p == null || r == null) return new Prf(p, r, 0.0);
        double pp = p, rr = r;
        return new Prf(p, r, pp + rr != 0 ? 2 * pp * rr / (pp + rr) : 0.0);
    }

    // ------------------------------------------------------------------ command line

    /** Reads an RDF file the way the script does: by extension, TriG when unknown. */
    public static DatasetGraph load(Path file) {
        String name = file.toString();
        Lang lang = name.endsWith(".trig") ? Lang.TRIG : name.endsWith(".nq") ? Lang.NQUADS
                : name.endsWith(".ttl") ? Lang.TURTLE : Lang.TRIG;
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(file).forceLang(lang).parse(dsg);
        return dsg;
    }

    /**
     * {@code GoldScorer RDF_FILE GOLD_JSON... [--counts]}: prints what the script prints (its text
     * form); with {@code --counts}, each policy's raw counts too, and with {@code --exact} the exact
     * decimal value of each P, R and F.
     */
    public static void main(String[] args) throws IOException {
        List<String> files = new ArrayList<>();
        boolean counts = false;
        boolean exact = false;
        for (String a : args) {
            if (a.equals("--counts")) counts = true;
            else if (a.equals("--exact")) exact = true;
            else if (!a.startsWith("--")) files.add(a);
        }
        if (files.size() < 2) {
            System.err.println("usage: GoldScorer RDF_FILE GOLD_JSON [GOLD_JSON ...] [--counts]");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DatasetGraph dsg = load(Path.of(files.get(0)));
        Map<String, Result> per = new LinkedHashMap<>(); // by policy, as the script's dict
        List<Result> all = new ArrayList<>();            // every gold file, as the script's totals
        for (String gp : files.subList(1, files.size())) {
            Gold gold = Gold.read(Path.of(gp));
            Result r = score(dsg, gold);
            per.put(gold.policy, r);
            all.add(r);
        }
        for (Result r : per.values()) {
            out.println(r.summaryLine());
            if (counts) out.println("  counts " + r.countsLine());
            if (exact) out.println("  exact " + r.exactLine());
        }
        out.println(microLine(all));
    }
}
