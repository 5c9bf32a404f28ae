package org.privkg.view;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/** A result row's values as the views show them: lexical forms and IRIs as text, counts as numbers. */
final class RowValues {
    private RowValues() {
    }

    static String value(Binding b, String var) {
        Node n = b.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    static long number(Binding b, String var) {
        String s = value(b, var);
        return s == null ? 0 : Long.parseLong(s);
    }
}
