package org.privkg.query.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL {@code REPLACE} (and {@code fn:replace}) that stops when its query is cancelled; otherwise
 * what Jena's {@code XSDFuncOp.strReplace} does, including its handling of empty matches.
 */
final class GuardedReplace extends E_StrReplace {
    private final Pattern constant;

    GuardedReplace(Expr text, Expr pattern, Expr replacement, Expr flags) {
        super(text, pattern, replacement, flags);
        this.constant = GuardedRegex.constantPattern(pattern, flags);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        NodeValue nvText = args.get(0);
        Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", nvText);
        String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
        Pattern pattern = constant != null ? constant : GuardedRegex.compile(args.get(1), args.size() > 3 ? args.get(3) : null);
        Matcher m = pattern.matcher(new CancellableText(text.getLiteralLexicalForm(), Guard.signal(env)));
        String result = replaceAll(m, replacement);
        if (result == null || result.equals(text.getLiteralLexicalForm())) return nvText;
        return NodeValue.makeNode(NodeFactory.createLiteral(result, text.getLiteralLanguage(), text.getLiteralDatatype()));
    }

    /** Jena's rule: one empty match at the start, others skipped; null when nothing matched. */
    private static String replaceAll(Matcher m, String replacement) {
        try {
            StringBuilder sb = null;
            while (m.find()) {
                if (sb == null) sb = new StringBuilder();
                else if (m.start() == m.end()) continue;
                m.appendReplacement(sb, replacement);
            }
            if (sb == null) return null;
            m.appendTail(sb);
            return sb.toString();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluation with no query around it, as when the optimizer folds constants: refused, so the
     * expression stays in the query and is evaluated where its cancel signal is known.
     */
    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("REPLACE is evaluated inside its query only");
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null);
    }
}
