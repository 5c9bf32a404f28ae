package org.privkg.query.guard;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;

/**
 * Rewrites a query's regular-expression functions ({@code REGEX}, {@code REPLACE}, {@code fn:matches},
 * {@code fn:replace}) into their cancellable forms, wherever they stand: filters, BIND, ORDER BY,
 * aggregates, and the patterns inside EXISTS.
 */
final class GuardedExpressions extends ExprTransformCopy {
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String ARQ_FUNCTION = "http://jena.apache.org/ARQ/function#";
    private static final String LIBRARY = "org.apache.jena.sparql.function.library.";
    private static final GuardedExpressions INSTANCE = new GuardedExpressions();

    static Op apply(Op op) {
        return Transformer.transform(new TransformCopy(), INSTANCE, op);
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
        if (func instanceof GuardedRegex || func instanceof GuardedReplace) return super.transform(func, args);
        if (func instanceof E_Regex) return regex(args);
        if (func instanceof E_StrReplace) return replace(args);
        if (func instanceof E_Function f) {
            String name = implementation(f.getFunctionIRI());
            if (name.equals(FN + "matches") && (args.size() == 2 || args.size() == 3)) return regex(args);
            if (name.equals(FN + "replace") && (args.size() == 3 || args.size() == 4)) return replace(args);
        }
        return super.transform(func, args);
    }

    /**
     * The function an IRI names, as fn:matches / fn:replace when it names the classes behind them: Jena also
     * loads a function class named by {@code java:CLASS} or {@code http://jena.apache.org/ARQ/function#CLASS}.
     */
    static String implementation(String iri) {
        String cls = iri.startsWith("java:") ? iri.substring(5)
                : iri.startsWith(ARQ_FUNCTION) ? LIBRARY + iri.substring(ARQ_FUNCTION.length()) : null;
        if ((LIBRARY + "FN_Matches").equals(cls)) return FN + "matches";
        if ((LIBRARY + "FN_StrReplace").equals(cls)) return FN + "replace";
        return iri;
    }

    private static Expr regex(ExprList a) {
        return new GuardedRegex(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null);
    }

    private static Expr replace(ExprList a) {
        return new GuardedReplace(a.get(0), a.get(1), a.get(2), a.size() > 3 ? a.get(3) : null);
    }
}
