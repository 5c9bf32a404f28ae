package org.privkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.query.QueryCancelledException;
import org.privkg.check.Check;
import org.privkg.check.CheckReport;
import org.privkg.check.CheckReportWriter;
import org.privkg.check.CheckRunner;
import org.privkg.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Checks policies against the items of Chinese regulation decidable from the marks.",
        description = "Runs every check (checks/*.rq: PIPL articles, GB/T 35273-2020 sections, the 2019 App认定方法 items, each check"
                + " naming its source) against the stored policies and gives a verdict per policy and check, with the clauses"
                + " that fail it. Exits 0 when nothing is found, 1 when something is, 2 on bad usage.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Option(names = "--policy", paramLabel = "ID", description = "Check only this policy (default: every stored policy).")
    String policy;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--checks", paramLabel = "DIR", description = "Also run the checks in DIR (*.rq, each with '# source:' and '# param: policy' header lines).")
    Path checksDir;

    @Override
    public Integer call() throws IOException {
        if (!CheckReportWriter.FORMATS.contains(format)) throw UserError.badInput("unknown format '" + format + "'; use text, json or csv");
        List<Check> checks = new ArrayList<>(Check.bundled());
        if (checksDir != null) {
            if (!Files.isDirectory(checksDir)) throw UserError.badInput(checksDir + ": no such directory of checks");
            try {
                checks.addAll(Check.fromDirectory(checksDir));
            } catch (IllegalArgumentException e) {
                throw UserError.badInput(checksDir + ": " + e.getMessage());
            }
        }
        try (PolicyStore db = Stores.openForReading(store, "Ask the server instead: http://localhost:3030/privkg/check?policy=ID gives the same verdicts "
                + "(its host, port and dataset name as 'privkg serve' printed them); or stop that process and try again")) {
            List<String> ids = db.policyIds();
            if (policy != null && !ids.contains(policy)) {
                throw UserError.badInput("no policy '" + policy + "' in " + db.dir() + "; 'privkg query policies' lists them");
            }
            CheckReport report = CheckRunner.run(db.dataset(), checks, policy == null ? ids : List.of(policy), policy == null ? "" : policy);
            CheckReportWriter.write(report, format, main.out);
            return report.anyFound() ? Main.FAILURE : Main.OK;
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        } catch (QueryCancelledException e) {
            throw UserError.failure("a check ran past its time limit and was stopped");
        }
    }
}
