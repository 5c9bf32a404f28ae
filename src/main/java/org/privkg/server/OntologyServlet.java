package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.shared.PrefixMapping;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/** {@code GET /ontology}: the privkg ontology, Turtle unless the client asks for another syntax or HTML. */
final class OntologyServlet extends HttpServlet {
    static final List<String> OFFERS = List.of(Http.TURTLE, Http.JSONLD, Http.NTRIPLES, Http.RDFXML, Http.HTML);

    private final transient Site site;

    OntologyServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String type = Http.negotiateOrRefuse(req, res, OFFERS);
        if (type == null) return;
        Graph ontology = site.ontology();
        if (type.equals(Http.HTML)) {
            String html = HtmlPages.graph(site, "privkg ontology",
                    intro -> {
                        intro.appendText("Classes, properties and action concepts of ").appendElement("code").text("pk:");
                        intro.appendText(" = ").appendElement("code").text(PK.NS);
                        intro.appendText(", aligned to the W3C Data Privacy Vocabulary.");
                    },
                    ontology, new Labels(ontology), Site.ONTOLOGY);
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(site.prefixes)
                .setNsPrefixes(PolicyStore.Ontology.graph().getPrefixMapping());
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), RdfOut.serialize(ontology, type, prefixes));
    }

}
