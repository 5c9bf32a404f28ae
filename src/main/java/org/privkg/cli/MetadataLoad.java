package org.privkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.privkg.metadata.MetadataCsv;
import org.privkg.metadata.MetadataGraph;
import org.privkg.metadata.PolicyMetadata;
import org.privkg.store.PolicyStore;

/**
 * {@code load --meta FILE}: the file is read and checked whole before anything is opened (a bad row is exit 2
 * and stores nothing); its rows are stored after the policies of the same command, so a row may describe a
 * policy loaded with it. A row whose policy is not stored is left out with a warning: a corpus's list often
 * names more policies than one load stores.
 */
final class MetadataLoad {
    private final Path file;
    private final List<PolicyMetadata> rows;

    private MetadataLoad(Path file, List<PolicyMetadata> rows) {
        this.file = file;
        this.rows = rows;
    }

    static MetadataLoad read(Path file) {
        try {
            return new MetadataLoad(file, MetadataCsv.read(file));
        } catch (MetadataCsv.BadFile e) {
            throw UserError.badInput(e.getMessage() + "; nothing of it was stored");
        }
    }

    /** Stores the rows whose policy is in the dataset; returns how many were left out. */
    int store(PolicyStore db, PrintWriter err) {
        List<String> ids = db.policyIds();
        List<PolicyMetadata> known = new ArrayList<>();
        for (PolicyMetadata m : rows) {
            if (ids.contains(m.policyId())) {
                known.add(m);
            } else {
                err.println(file + ":" + m.line() + ":" + m.idColumn() + ": warning: no policy '" + m.policyId() + "' in "
                        + db.dir() + Nearest.hint(m.policyId(), ids) + "; row left out (load the policy, then its metadata again)");
            }
        }
        MetadataGraph.replace(db.dataset(), db.iris(), known);
        int skipped = rows.size() - known.size();
        err.println("metadata: " + known.size() + " " + LoadCommand.plural(known.size(), "policy", "policies") + " described from "
                + file + (skipped == 0 ? "" : ", " + skipped + " " + LoadCommand.plural(skipped, "row", "rows") + " left out"));
        return skipped;
    }
}
