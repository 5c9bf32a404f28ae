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
            String iri = f.getFunctionIRI();
            if (iri.equals(FN + "matches") && (args.size() == 2 || args.size() == 3)) return regex(args);
            if (iri.equals(FN + "replace") && (args.size() == 3 || args.size() == 4)) return replace(args);
        }
        return super.transform(func, args);
    }

    private static Expr regex(ExprList a) {
        return new GuardedRegex(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null);
    }

    private static Expr replace(ExprList a) {
        return new GuardedReplace(a.get(0), a.get(1), a.get(2), a.size() > 3 ? a.get(3) : null);
    }
}
