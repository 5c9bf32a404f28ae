package org.privkg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.privkg.store.PolicyStore;
import org.privkg.store.PolicyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "versions", mixinStandardHelpOptions = true, header = "Lists the versions of a stored policy.",
        description = "Lists the versions of a policy, oldest first: number, load time, SHA-256 of the input and "
                + "source; the current one (what every query sees) is marked. Loading a policy from changed input keeps "
                + "the version it replaces; deleting a policy keeps its last version too, and the list says it was "
                + "deleted. Compare two versions with 'privkg diff'. Exit 2 for a policy privkg never stored.")
final class VersionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "ID", description = "The policy id.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PolicyStore db = Stores.openForReading(store, "Stop that process and try again (TDB2 lets one process at a time open a dataset).")) {
            List<PolicyVersion> versions = StoredVersions.of(db, id);
            out.println(String.format("%-3s %-30s %-12s %-24s", "#", "loaded", "sha256", "source").stripTrailing());
            for (PolicyVersion v : versions) {
                out.println(String.format("%-3d %-30s %-12s %-24s %s", v.number(), v.loadedAt().map(Object::toString).orElse("(unknown)"),
                        v.sha256().isEmpty() ? "(unknown)" : v.sha256().substring(0, Math.min(12, v.sha256().length())),
                        v.source().isEmpty() ? "(unknown)" : v.source(), v.current() ? "current" : "").stripTrailing());
            }
            if (!versions.get(versions.size() - 1).current()) {
                out.println("policy '" + id + "' was deleted: no version is current, queries see none");
            }
        }
        out.flush();
        return Main.OK;
    }
}
