package org.privkg.store;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * How much disk a dataset takes against what its data needs. TDB2 never reuses space: every write
 * transaction copies the B+tree blocks it touches to the end of their files, and deleted quads' nodes
 * stay in the node table, until {@code privkg compact} writes the live data into a new generation.
 *
 * @param bytesOnDisk what the dataset's storage holds ({@link #storageBytes})
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

    /** TDB2's block size (StoreParams' default, which privkg never changes). */
    private static final long BLOCK_BYTES = 8192;

    /**
     * Bytes the dataset's storage holds: of the current generation (the last Data-NNNN), the blocks its
     * B+trees have allocated, read from their .bpt state files (root, node blocks, record blocks: three
     * longs) rather than from the files' lengths, which in mapped mode run ahead 8 MB at a time; its
     * other files (node data, journal) whole; older generations whole.
     */
    static long storageBytes(Path dir) {
        try (Stream<Path> generations = Files.list(dir)) {
            List<Path> data = generations.filter(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p))
                    .sorted().toList();
            long bytes = 0;
            for (int i = 0; i < data.size(); i++) bytes += i == data.size() - 1 ? currentBytes(data.get(i)) : treeBytes(data.get(i));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long currentBytes(Path generation) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.list(generation)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".dat") || name.endsWith(".idn")) continue; // counted through their .bpt
                if (name.endsWith(".bpt")) bytes += allocatedBlocks(f) * BLOCK_BYTES;
                else bytes += size(f);
            }
        }
        return bytes;
    }

    private static long allocatedBlocks(Path bpt) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(bpt))) {
            in.readLong(); // root
            return in.readLong() + in.readLong();
        } catch (EOFException e) {
            return 0;
        }
    }

    private static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(StoreSpace::size).sum();
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
