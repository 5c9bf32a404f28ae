package org.privkg.query.guard;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/** SPARQL {@code REGEX} (and {@code fn:matches}) that stops when its query is cancelled. */
final class GuardedRegex extends E_Regex {
    /** Compiled once when pattern and flags are constants, as Jena does. */
    private final Pattern constant;

    GuardedRegex(Expr text, Expr pattern, Expr flags) {
        super(text, pattern, flags);
        this.constant = constantPattern(pattern, flags);
    }

    /** The compiled pattern when pattern and flags are constants; null otherwise, or when it does not compile (each row then gets the error). */
    static Pattern constantPattern(Expr pattern, Expr flags) {
        if (!isString(pattern) || (flags != null && !isString(flags))) return null;
        try {
            return compile(pattern.getConstant(), flags == null ? null : flags.getConstant());
        } catch (ExprEvalException e) {
            return null;
        }
    }

    static boolean isString(Expr e) {
        return e.isConstant() && e.getConstant().isString();
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
        Pattern pattern = constant != null ? constant : compile(args.get(1), args.size() > 2 ? args.get(2) : null);
        CancellableText guarded = new CancellableText(text.getLiteralLexicalForm(), Guard.signal(env));
        return NodeValue.booleanReturn(pattern.matcher(guarded).find());
    }

    static Pattern compile(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) throw new ExprEvalException("REGEX: the pattern is not a string: " + pattern);
        if (flags != null && !flags.isString()) throw new ExprEvalException("REGEX: the flags are not a string: " + flags);
        return RegexEngine.makePattern("REGEX", pattern.getString(), flags == null ? null : flags.getString());
    }

    /**
     * Evaluation with no query around it, as when the optimizer folds constants: refused, so the
     * expression stays in the query and is evaluated where its cancel signal is known.
     */
    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("REGEX is evaluated inside its query only");
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
    }
}
