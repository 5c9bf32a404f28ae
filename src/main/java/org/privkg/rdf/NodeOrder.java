package org.privkg.rdf;

import java.util.Comparator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A total, stable order of RDF terms for deterministic output: IRIs, then blank nodes, then literals;
 * strings compared in natural order (runs of digits by value, so clause/2 comes before clause/10).
 */
public final class NodeOrder {
    private NodeOrder() {
    }

    public static final Comparator<Node> NODES = NodeOrder::compare;

    public static final Comparator<Triple> TRIPLES = Comparator.comparing(Triple::getSubject, NODES)
            .thenComparing(Triple::getPredicate, NODES).thenComparing(Triple::getObject, NODES);

    public static int compare(Node a, Node b) {
        if (a == b) return 0;
        int ka = kind(a);
        int kb = kind(b);
        if (ka != kb) return Integer.compare(ka, kb);
        if (a.isURI()) return natural(a.getURI(), b.getURI());
        if (a.isBlank()) return natural(a.getBlankNodeLabel(), b.getBlankNodeLabel());
        if (a.isLiteral()) {
            int c = natural(a.getLiteralLexicalForm(), b.getLiteralLexicalForm());
            if (c != 0) return c;
            c = a.getLiteralLanguage().compareTo(b.getLiteralLanguage());
            if (c != 0) return c;
            return a.getLiteralDatatypeURI().compareTo(b.getLiteralDatatypeURI());
        }
        if (a.isTripleTerm()) return TRIPLES.compare(a.getTriple(), b.getTriple());
        return a.toString().compareTo(b.toString());
    }

    private static int kind(Node n) {
        if (n.isURI()) return 0;
        if (n.isBlank()) return 1;
        if (n.isLiteral()) return 2;
        if (n.isTripleTerm()) return 3;
        return 4;
    }

    /** Natural order: digit runs compare by numeric value, everything else by code point. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                // compared in place: building substrings here was most of ranking a graph's terms (JFR)
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int zi = leadingZerosEnd(a, i, ei);
                int zj = leadingZerosEnd(b, j, ej);
                if (ei - zi != ej - zj) return Integer.compare(ei - zi, ej - zj);
                for (int k = 0; k < ei - zi; k++) {
                    int c = Character.compare(a.charAt(zi + k), b.charAt(zj + k));
                    if (c != 0) return c;
                }
                int c = Integer.compare(ei - i, ej - j);
                if (c != 0) return c;
                i = ei;
                j = ej;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) k++;
        return k;
    }

    /** Where a run of digits starts once its leading zeros are dropped (its last digit stays, "000" is "0"). */
    private static int leadingZerosEnd(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') k++;
        return k;
    }
}
