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
        if (!outcome.ok()) {
            err.println(outcome.source().name() + ": rejected; nothing of it was stored (fix the errors above"
                    + (outcome.diagnostics().all().stream().anyMatch(d -> d.message().contains("encoding")) ? ""
                    : ", or pass --lenient to keep the rest of the file") + ")");
        }
        return outcome.ok();
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
