package org.privkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;
import org.privkg.store.StoreSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        header = "Gives back the space that writes left behind in a dataset.",
        description = "Gives back the space that writes left behind in a dataset. TDB2 never reuses space: every "
                + "write copies the index blocks it touches and the old copies stay, so a dataset that takes many "
                + "updates (load into an existing dataset, PUT to serve --allow-update) keeps growing. compact writes "
                + "the live data into a new generation of the dataset and deletes the old ones; the data is unchanged. "
                + "load and stats say when a dataset has grown to more than twice what compaction would leave. Run it "
                + "while no other process has the dataset open (serve included).")
final class CompactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // as for load: files written through heap caches, so they end where their data ends (mapped
        // mode extends them 8 MB at a time) and resident memory stays bounded
        PolicyStore.useDirectFileMode();
        try (PolicyStore db = Stores.openExisting(store)) {
            long before = StoreSpace.of(db).bytesOnDisk();
            db.compact();
            long after = StoreSpace.of(db).bytesOnDisk();
            err.println("compacted " + db.dir() + ": " + StoreSpace.megabytes(before) + " before, "
                    + StoreSpace.megabytes(after) + " now");
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
        return Main.OK;
    }
}
