package org.privkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;

/**
 * Builds an empty TDB2 quad index bottom-up from the tuples of a {@link QuadSpill}: sorted runs in
 * the index's column order (spilled to scratch files when they do not fit the sort buffer), merged
 * with duplicates dropped, and written block after block by Jena's {@link BPlusTreeRewriter} in a
 * transaction of the index's own, as Jena's xloader builds indexes. Inserting the same quads one by
 * one walks the B+tree for every quad and leaves its blocks half full; packing writes each block
 * once, full, which takes a fraction of the time and makes the index files about 40% smaller.
 */
final class IndexPacker {
    /** Reports progress: records written so far to the index being built. */
    interface Progress {
        void packed(long records);
    }

    private static final int COLUMNS = QuadSpill.COLUMNS;
    private static final long TICK = 1_000_000;

    private final long[] rows;
    private final int capacity;
    private final Path scratch;

    /**
     * @param sortRows tuples sorted in memory at a time (32 bytes each), i.e. the size of a sorted run
     * @param scratch  directory for runs that do not fit
     */
    IndexPacker(int sortRows, Path scratch) {
        this.capacity = sortRows;
        this.rows = new long[sortRows * COLUMNS];
        this.scratch = scratch;
    }

    /** Fills the index, which must be empty, from the spill. */
    void pack(TupleIndex index, QuadSpill spill, Progress progress) {
        // which column of a spilled (G, S, P, O) tuple goes where in the index's key, e.g. POSG → 2, 3, 1, 0
        int[] columns = new int[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) columns[c] = index.getMapping().getSlotIdx(c);
        QuadSpill.Reader reader = spill.reader(columns);
        List<Path> runs = new ArrayList<>();
        Merge merge = null;
        try {
            Iterator<long[]> sorted;
            int n = reader.read(rows, capacity);
            if (spill.rows() <= capacity) {
                // the common case for small and medium loads: one run, straight from memory
                sortRun(rows, n);
                sorted = new ArrayRun(rows, n);
            } else {
                while (n > 0) {
                    sortRun(rows, n);
                    runs.add(writeRun(n));
                    n = reader.read(rows, capacity);
                }
                sorted = merge = new Merge(runs);
            }
            BPlusTree bpt = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
            RecordFactory factory = bpt.getRecordFactory();
            BPlusTreeParams params = bpt.getParams();
            Records records = new Records(sorted, factory, progress);
            CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(records, params, factory,
                    bpt.getStateManager().getBufferChannel(), bpt.getNodeManager().getBlockMgr(),
                    bpt.getRecordsMgr().getBlockMgr()));
        } finally {
            if (merge != null) merge.close();
            for (Path run : runs) {
                try {
                    Files.deleteIfExists(run);
                } catch (IOException e) {
                    // a scratch file left behind is no reason to fail a load that worked
                }
            }
        }
    }

    private Path writeRun(int n) {
        try {
            Path run = Files.createTempFile(scratch, "privkg-bulk-", ".run");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (int i = 0; i < n * COLUMNS; i++) out.writeLong(rows[i]);
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the bulk load in " + scratch, e);
        }
    }

    // ---- sorting rows of COLUMNS longs in place, as unsigned numbers: the order of TDB2's record keys

    static int compare(long[] a, int i, long[] b, int j) {
        for (int c = 0; c < COLUMNS; c++) {
            int d = Long.compareUnsigned(a[i * COLUMNS + c], b[j * COLUMNS + c]);
            if (d != 0) return d;
        }
        return 0;
    }

    private static void swap(long[] a, int i, int j) {
        for (int c = 0; c < COLUMNS; c++) {
            long t = a[i * COLUMNS + c];
            a[i * COLUMNS + c] = a[j * COLUMNS + c];
            a[j * COLUMNS + c] = t;
        }
    }

    /**
     * Sorts n rows. Quads arrive policy by policy and a policy's graph gets its NodeId when it is first
     * seen, so for the indexes that start with G the rows are already in order of their first column:
     * then only each stretch of equal first columns (one policy, ~1,300 rows) needs sorting.
     */
    static void sortRun(long[] a, int n) {
        boolean grouped = true;
        for (int i = 1; i < n && grouped; i++) grouped = Long.compareUnsigned(a[(i - 1) * COLUMNS], a[i * COLUMNS]) <= 0;
        if (!grouped) {
            sort(a, 0, n);
            return;
        }
        for (int lo = 0; lo < n; ) {
            int hi = lo + 1;
            while (hi < n && a[hi * COLUMNS] == a[lo * COLUMNS]) hi++;
            sort(a, lo, hi);
            lo = hi;
        }
    }

    /** Quicksort (median of three) of rows [lo, hi), insertion sort for short ranges. */
    static void sort(long[] a, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (compare(a, mid, a, lo) < 0) swap(a, mid, lo);
            if (compare(a, hi - 1, a, lo) < 0) swap(a, hi - 1, lo);
            if (compare(a, hi - 1, a, mid) < 0) swap(a, hi - 1, mid);
            int pivot = hi - 2;
            swap(a, mid, pivot);
            int i = lo;
            int j = pivot;
            while (true) {
                while (compare(a, ++i, a, pivot) < 0) {
                    // a[hi - 1] >= pivot stops the scan
                }
                while (j > lo && compare(a, --j, a, pivot) > 0) {
                    // a[lo] <= pivot stops the scan
                }
                if (i >= j) break;
                swap(a, i, j);
            }
            swap(a, i, pivot);
            if (i - lo < hi - i - 1) {
                sort(a, lo, i);
                lo = i + 1;
            } else {
                sort(a, i + 1, hi);
                hi = i;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            for (int j = i; j > lo && compare(a, j, a, j - 1) < 0; j--) swap(a, j, j - 1);
        }
    }

    /** The rows of one sorted array, one at a time (the same long[] each time: read it before next()). */
    private static final class ArrayRun implements Iterator<long[]> {
        private final long[] a;
        private final int n;
        private final long[] row = new long[COLUMNS];
        private int i;

        ArrayRun(long[] a, int n) {
            this.a = a;
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public long[] next() {
            if (i >= n) throw new NoSuchElementException();
            System.arraycopy(a, i++ * COLUMNS, row, 0, COLUMNS);
            return row;
        }
    }

    /** The rows of several sorted run files, merged in order (few runs: a linear scan for the least head). */
    private static final class Merge implements Iterator<long[]>, AutoCloseable {
        private final DataInputStream[] in;
        private final long[] heads;
        private final boolean[] live;
        private final long[] row = new long[COLUMNS];

        Merge(List<Path> runs) {
            in = new DataInputStream[runs.size()];
            heads = new long[runs.size() * COLUMNS];
            live = new boolean[runs.size()];
            try {
                for (int r = 0; r < in.length; r++) {
                    in[r] = new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(r)), 1 << 16));
                    advance(r);
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read the sorted runs of the bulk load", e);
            }
        }

        private void advance(int r) throws IOException {
            try {
                for (int c = 0; c < COLUMNS; c++) heads[r * COLUMNS + c] = in[r].readLong();
                live[r] = true;
            } catch (EOFException e) {
                live[r] = false;
            }
        }

        @Override
        public boolean hasNext() {
            for (boolean l : live) if (l) return true;
            return false;
        }

        @Override
        public long[] next() {
            int best = -1;
            for (int r = 0; r < live.length; r++) {
                if (live[r] && (best < 0 || compare(heads, r, heads, best) < 0)) best = r;
            }
            if (best < 0) throw new NoSuchElementException();
            System.arraycopy(heads, best * COLUMNS, row, 0, COLUMNS);
            try {
                advance(best);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted runs of the bulk load", e);
            }
            return row;
        }

        @Override
        public void close() {
            for (DataInputStream s : in) {
                try {
                    if (s != null) s.close();
                } catch (IOException e) {
                    // read to the end already; nothing to lose
                }
            }
        }
    }

    /** Sorted rows as B+tree records, duplicates dropped, with progress every million. */
    private static final class Records implements Iterator<Record> {
        private final Iterator<long[]> rows;
        private final RecordFactory factory;
        private final Progress progress;
        private byte[] last;
        private Record next;
        long count;

        Records(Iterator<long[]> rows, RecordFactory factory, Progress progress) {
            this.rows = rows;
            this.factory = factory;
            this.progress = progress;
            next = fetch();
        }

        private Record fetch() {
            while (rows.hasNext()) {
                long[] row = rows.next();
                byte[] key = new byte[COLUMNS * Long.BYTES];
                ByteBuffer b = ByteBuffer.wrap(key);
                for (long v : row) b.putLong(v);
                if (last != null && Arrays.equals(last, key)) continue;
                last = key;
                return factory.create(key);
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Record next() {
            if (next == null) throw new NoSuchElementException();
            Record r = next;
            next = fetch();
            if (++count % TICK == 0) progress.packed(count);
            return r;
        }
    }
}
