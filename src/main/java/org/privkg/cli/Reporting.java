package org.privkg.cli;

import java.io.PrintWriter;
import org.privkg.annotation.Diagnostic;
import org.privkg.pipeline.PolicyReader;

/** Prints what reading a policy found, one diagnostic per line, compiler style. */
final class Reporting {
    private Reporting() {
    }

    /** Prints every diagnostic; returns true when the policy was read without errors. */
    static boolean report(PolicyReader.Outcome outcome, PrintWriter err) {
        for (Diagnostic d : outcome.diagnostics().all()) err.println(d);
        String more = outcome.diagnostics().omittedLine();
        if (more != null) err.println(more);
        if (!outcome.ok()) {
            err.println(outcome.source().name() + ": rejected; nothing of it was stored (fix the errors above"
                    + (outcome.diagnostics().all().stream().anyMatch(d -> d.message().contains("encoding")) ? ""
                    : ", or pass --lenient to keep the rest of the file") + ")");
        }
        return outcome.ok();
    }
}
