package org.privkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * How much disk a dataset takes against what its data needs. TDB2 never reuses space: every write
 * transaction copies the B+tree blocks it touches to the end of their files, and deleted quads' nodes
 * stay in the node table, until {@code privkg compact} writes the live data into a new generation.
 *
 * @param bytesOnDisk all files of the dataset's storage (every generation)
 * @param quads       quads stored, the ontology's included
 * @param nodeBytes   the current generation's node data file: the nodes' text, an upper bound on what
 *                    the live quads need of it
 */
public record StoreSpace(long bytesOnDisk, long quads, long nodeBytes) {
    /**
     * Bytes per quad of a compacted dataset beyond its node data: measured 375 (1.33 million quads,
     * 515 MB after compaction, 15 MB of it node data; docs/robustness.md). TDB2's compaction fills
     * blocks about half; the bulk loader packs them full (202 bytes per quad for the same data).
     */
    static final long INDEX_BYTES_PER_QUAD = 400;
    /** Below this much excess, compacting is not worth a mention. */
    static final long SLACK_BYTES = 32L << 20;

    /** The size compaction would bring the dataset to, roughly (an overestimate). */
    public long estimatedLiveBytes() {
        return nodeBytes + quads * INDEX_BYTES_PER_QUAD;
    }

    /** True when the dataset takes more than twice its estimated live size, and by more than {@link #SLACK_BYTES}. */
    public boolean worthCompacting() {
        long live = estimatedLiveBytes();
        return bytesOnDisk > 2 * live && bytesOnDisk - live > SLACK_BYTES;
    }

    /** Measures the store's dataset (counting its quads: about a second per million). */
    public static StoreSpace of(PolicyStore store) {
        long quads = Txn.calculateRead(store.dataset(), () -> TDBInternal.getDatasetGraphTDB(store.dataset())
                .getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0).size());
        Path location = Path.of(TDBInternal.getDatasetGraphTDB(store.dataset()).getLocation().getDirectoryPath());
        return new StoreSpace(storageBytes(store.dir()), quads, size(location.resolve("nodes-data.obj")));
    }

    /** Bytes of the dataset's generations (Data-NNNN directories). */
    static long storageBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> dir.relativize(p).toString().matches("Data-\\d+/.*") && Files.isRegularFile(p))
                    .mapToLong(StoreSpace::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** "230 MB" and the like. */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
