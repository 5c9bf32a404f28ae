package org.privkg.rdf;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfResource;
import com.apicatalog.rdf.RdfValue;
import com.apicatalog.rdf.spi.RdfProvider;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.privkg.vocab.PK;

/**
 * JSON-LD 1.1 in compacted form with privkg's published context (ontology/context.jsonld, served at
 * {@value #CONTEXT_URL}). The context is embedded, so the file stands alone and parses offline; its terms
 * are those of the published context (plus instance prefixes for a non-default base). Nodes and keys come
 * out in a fixed order, so the same triples give the same bytes. Data items are written as {@code item:…}
 * ({@code data:…} in Turtle), since the term {@code data} is the property pk:data.
 */
public final class JsonLdWriter {
    /** Where the context is published. */
    public static final String CONTEXT_URL = "https://w3id.org/privkg/ontology/context.jsonld";

    private JsonLdWriter() {
    }

    /** The bundled context document ({"@context": {...}}). */
    public static JsonObject contextDocument() {
        try (InputStream in = JsonLdWriter.class.getResourceAsStream("/privkg/ontology/context.jsonld")) {
            if (in == null) throw new IllegalStateException("context.jsonld missing from the build");
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context for a base: the published one, with the instance prefixes moved to the base when it differs. */
    static JsonObject context(String base) {
        JsonObject doc = contextDocument();
        Iris iris = new Iris(base);
        if (iris.base().equals(PK.DEFAULT_BASE)) return doc;
        JsonObjectBuilder ctx = Json.createObjectBuilder(doc.getJsonObject("@context"));
        ctx.add("policy", iris.base() + "policy/").add("item", iris.base() + "data/")
                .add("party", iris.base() + "party/").add("place", iris.base() + "place/");
        return Json.createObjectBuilder().add("@context", ctx).build();
    }

    public static void write(CanonicalDataset data, String base, OutputStream out) {
        write(data.asDatasetGraph(), base, out);
    }

    static void write(DatasetGraph dsg, String base, OutputStream out) {
        try {
            JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out);
            w.write(contextFirst(compacted(dsg, base)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two graphs or more, given one at a time (each a dataset of one named graph, in the code-point order of
     * their names): the same bytes as {@link #write(CanonicalDataset, String, OutputStream)} of them all, which
     * compacts each graph on its own anyway, with one graph in memory at a time.
     */
    static void writeGraphs(java.util.Iterator<CanonicalDataset> graphs, String base, OutputStream out) {
        try {
            JsonGenerator g = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out);
            g.writeStartObject();
            g.write("@context", context(base).get("@context"));
            g.writeStartArray("@graph");
            while (graphs.hasNext()) {
                JsonObject one = compacted(graphs.next().asDatasetGraph(), base);
                JsonObjectBuilder b = Json.createObjectBuilder(one);
                b.remove("@context");
                g.write(b.build());
            }
            g.writeEnd();
            g.writeEnd();
            g.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject compacted(DatasetGraph dsg, String base) {
        try {
            // not Titanium's nativeTypes(): in 1.7.0 it also drops the language of every language-tagged string
            JsonArray expanded = (JsonArray) nativeValues(JsonLd.fromRdf(RdfDocument.of(titanium(dsg))).ordered(true).get());
            return JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(context(base))).ordered(true).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD conversion failed: " + e.getMessage(), e);
        }
    }

    /**
     * The dataset in Titanium's model. Done here rather than with Jena's JenaTitanium.convert, which in Jena
     * 5.6 hands language-tagged literals over as rdf:langString without their language, so JSON-LD output
     * would lose every @zh.
     */
    static RdfDataset titanium(DatasetGraph dsg) {
        RdfProvider rdf = RdfProvider.provider();
        RdfDataset out = rdf.createDataset();
        dsg.find().forEachRemaining(q -> {
            RdfResource g = q.isDefaultGraph() ? null : (RdfResource) value(rdf, q.getGraph());
            out.add(rdf.createNQuad((RdfResource) value(rdf, q.getSubject()), (RdfResource) value(rdf, q.getPredicate()),
                    value(rdf, q.getObject()), g));
        });
        return out;
    }

    private static RdfValue value(RdfProvider rdf, Node n) {
        if (n.isURI()) return rdf.createIRI(n.getURI());
        if (n.isBlank()) return rdf.createBlankNode("_:" + n.getBlankNodeLabel());
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return lang == null || lang.isEmpty() ? rdf.createTypedString(n.getLiteralLexicalForm(), n.getLiteralDatatypeURI())
                    : rdf.createLangString(n.getLiteralLexicalForm(), lang);
        }
        throw new IllegalArgumentException("JSON-LD 1.1 cannot hold " + n);
    }

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /**
     * Booleans and integers as JSON booleans and numbers ({"@value": true} rather than {"@value": "true",
     * "@type": xsd:boolean}), for the values whose lexical form is canonical, so that reading the JSON-LD
     * back gives the same literals.
     */
    static JsonValue nativeValues(JsonValue v) {
        if (v instanceof JsonArray a) {
            var b = Json.createArrayBuilder();
            for (JsonValue x : a) b.add(nativeValues(x));
            return b.build();
        }
        if (!(v instanceof JsonObject o)) return v;
        if (o.size() == 2 && o.get("@value") instanceof jakarta.json.JsonString lex && o.get("@type") instanceof jakarta.json.JsonString type) {
            String s = lex.getString();
            if (type.getString().equals(XSD + "boolean") && (s.equals("true") || s.equals("false"))) {
                return Json.createObjectBuilder().add("@value", s.equals("true")).build();
            }
            if (type.getString().equals(XSD + "integer") && s.matches("-?(0|[1-9][0-9]{0,17})")) {
                return Json.createObjectBuilder().add("@value", Long.parseLong(s)).build();
            }
            return o;
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        o.forEach((k, x) -> b.add(k, nativeValues(x)));
        return b.build();
    }

    /** Puts @context first, then the graph name of a single-graph export, the way readers expect to meet them. */
    private static JsonStructure contextFirst(JsonObject o) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String k : new String[] {"@context", "@id"}) if (o.containsKey(k)) b.add(k, o.get(k));
        o.forEach((k, v) -> {
            if (!k.equals("@context") && !k.equals("@id")) b.add(k, v);
        });
        return b.build();
    }
}
