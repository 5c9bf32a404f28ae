package org.privkg.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.privkg.query.QueryRunner;

/** Runs checks over a dataset, each through the query runner with the policy as a bound value. */
public final class CheckRunner {
    private CheckRunner() {
    }

    /**
     * @param policies the policy ids the verdicts are for: every stored policy, or the one asked about
     * @param policy   "" for every policy, else the one id the checks are restricted to
     */
    public static CheckReport run(DatasetGraph dsg, List<Check> checks, List<String> policies, String policy) {
        List<Finding> findings = new ArrayList<>();
        for (Check c : checks) {
            QueryRunner.run(dsg, c.query(), Map.of("policy", policy), exec -> {
                exec.select().forEachRemaining(b -> findings.add(finding(c, b)));
                return null;
            });
        }
        return new CheckReport(checks, policies, List.copyOf(findings));
    }

    private static Finding finding(Check c, Binding b) {
        return new Finding(c.name(), text(b, "policyId"), text(b, "practice"), text(b, "line"), text(b, "clause"), text(b, "detail"));
    }

    private static String text(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        if (n == null) return "";
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}
