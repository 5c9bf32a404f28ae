package org.privkg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.system.Txn;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import org.privkg.validate.PolicyValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Checks the stored policies against the SHACL shapes.",
        description = "Checks every stored policy graph (with the ontology) against the SHACL shapes of ontology/shapes.ttl. Prints one line per violation: POLICY: FOCUS-NODE PATH: MESSAGE. Exits 1 when there is any.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--policy", paramLabel = "ID", description = "Validate only this policy.")
    String policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyValidator validator = new PolicyValidator();
        var prefixes = RdfFormat.prefixes(store.base);
        int violations = 0;
        int checked = 0;
        try (PolicyStore db = Stores.openForReading(store)) {
            if (policy != null) PolicyIds.requireStored(db, policy);
            List<String> ids = db.policyIds();
            for (String id : policy == null ? ids : List.of(policy)) {
                List<PolicyValidator.Violation> found = Txn.calculateRead(db.dataset(),
                        () -> validator.validate(id, db.dataset().getGraph(db.policyGraph(id))));
                for (PolicyValidator.Violation v : found) out.println(v.format(prefixes));
                violations += found.size();
                checked++;
            }
        }
        out.flush();
        err.println("validated " + checked + " " + LoadCommand.plural(checked, "policy", "policies") + ": "
                + (violations == 0 ? "no violations" : violations + " " + LoadCommand.plural(violations, "violation", "violations")));
        return violations == 0 ? Main.OK : Main.FAILURE;
    }
}
