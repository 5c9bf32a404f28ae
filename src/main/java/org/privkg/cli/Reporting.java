package org.privkg.cli;

import java.io.PrintWriter;
import org.privkg.annotation.Diagnostic;
import org.privkg.pipeline.PolicyReader;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreSpace;

/** Prints what reading a policy found, one diagnostic per line, compiler style. */
final class Reporting {
    private Reporting() {
    }

    /** Prints every diagnostic; returns true when the policy was read without errors. */
    static boolean report(PolicyReader.Outcome outcome, PrintWriter err) {
        for (Diagnostic d : outcome.diagnostics().all()) err.println(d);
        String more = outcome.diagnostics().omittedLine();
        if (more != null) err.println(more);
        if (!outcome.ok()) err.println(outcome.source().name() + ": rejected; nothing of it was stored (" + fix(outcome) + ")");
        return outcome.ok();
    }

    /** What to do about a rejected file: --lenient helps with bad marks, not with its name or encoding. */
    private static String fix(PolicyReader.Outcome outcome) {
        if (outcome.source().refusal().isPresent()) return "rename the file, or give it an id with --id ID when it is the only file";
        boolean encoding = outcome.diagnostics().all().stream().anyMatch(d -> d.message().contains("encoding"));
        return "fix the errors above" + (encoding ? "" : ", or pass --lenient to keep the rest of the file");
    }

    /** Says when the dataset has grown to more than twice what compaction would leave (see {@link StoreSpace}). */
    static void compactionHint(PrintWriter out, PolicyStore db) {
        StoreSpace space = StoreSpace.of(db);
        if (space.worthCompacting()) {
            out.println("note: the dataset takes " + StoreSpace.megabytes(space.bytesOnDisk()) + " on disk, more than twice the "
                    + "about " + StoreSpace.megabytes(space.estimatedLiveBytes()) + " its data needs (writes copy index blocks); "
                    + "'privkg compact --db " + db.dir() + "' gives the rest back");
        }
    }
}
