package org.privkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.privkg.store.PolicyStore;
import org.privkg.view.PolicyChecks;
import org.privkg.view.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, header = "Writes a self-contained HTML report: dashboard, data-flow diagrams, policy texts.",
        description = {"Writes one HTML file with the corpus dashboard (counts, commonest data items, recipients, DPV concepts, "
                + "the data x purpose heatmap) and each policy's page (data-flow diagram, practices, text with its marks), "
                + "or with --policy one policy's page. Styles and diagrams are inline: the file opens from disk with no network. "
                + "The same data always gives the same bytes."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--policy", paramLabel = "ID", description = "Only this policy's page.")
    String policy;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Where to write the HTML.")
    Path output;

    @Override
    public Integer call() {
        try (PolicyStore db = Stores.openForReading(store, "Stop that process and try again (TDB2 lets one process at a time open a dataset).")) {
            List<String> ids = db.policyIds().stream().sorted().toList();
            if (policy != null) {
                if (!ids.contains(policy)) throw UserError.badInput("the dataset has no policy '" + policy + "' (privkg query policies lists them)");
                ids = List.of(policy);
            } else if (ids.isEmpty()) {
                throw UserError.badInput("the dataset holds no policies; load some first (privkg load)");
            }
            String html = Report.html(db.dataset(), db.iris(), ids, policy == null, PolicyChecks.NONE);
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw UserError.badInput("no directory " + parent + " to write " + output + " in");
            try {
                Files.writeString(output, html, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw UserError.failure("cannot write " + output + ": " + e.getMessage());
            }
        }
        return Main.OK;
    }
}
