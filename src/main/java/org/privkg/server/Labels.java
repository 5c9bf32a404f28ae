package org.privkg.server;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.privkg.vocab.PK;

/** Finds labels for nodes in the graphs it is given (first graph first), preferring Chinese, then English. */
final class Labels {
    private final List<Graph> graphs;

    Labels(Graph... graphs) {
        this.graphs = List.of(graphs);
    }

    String label(Node n) {
        if (!n.isURI() && !n.isBlank()) return null;
        String zh = null, en = null, any = null;
        for (Graph g : graphs) {
            for (var it = g.find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                String lang = o.getLiteralLanguage();
                String text = o.getLiteralLexicalForm();
                if (lang.startsWith("zh") && zh == null) zh = text;
                else if (lang.startsWith("en") && en == null) en = text;
                else if (any == null) any = text;
            }
            if (zh != null || en != null || any != null) break;
        }
        if (zh == null && en == null && any == null) {
            // a clause has no label but its text says what it is
            for (Graph g : graphs) {
                var it = g.find(n, TEXT, Node.ANY);
                if (it.hasNext()) {
                    Node o = it.next().getObject();
                    if (o.isLiteral()) return shorten(o.getLiteralLexicalForm());
                }
            }
        }
        return zh != null ? zh : en != null ? en : any;
    }

    private static final Node TEXT = PK.text;

    private static String shorten(String s) {
        int[] cps = s.strip().codePoints().toArray();
        return cps.length <= 60 ? s.strip() : new String(cps, 0, 59) + "…";
    }

    /** The English label of a term (for properties and classes of the ontology), else any label. */
    String termLabel(Node n) {
        for (Graph g : graphs) {
            for (var it = g.find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (o.isLiteral() && o.getLiteralLanguage().startsWith("en")) return o.getLiteralLexicalForm();
            }
        }
        return label(n);
    }
}
