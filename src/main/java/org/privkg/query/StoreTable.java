package org.privkg.query;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A table read from a store that privkg's SPARQL functions search in memory where TDB2 has no index
 * for the search. A TDB2 dataset keeps one table per committed version (read on the first search after
 * a change); any other dataset, a write transaction's uncommitted state, or a view of part of a store is
 * read afresh on every search.
 */
final class StoreTable<T> {
    private record Kept<T>(long version, T table) {
    }

    private final Function<DatasetGraph, T> read;
    private final Map<DatasetGraphTDB, Kept<T>> kept = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code read} builds the table inside the caller's read transaction. */
    StoreTable(Function<DatasetGraph, T> read) {
        this.read = read;
    }

    /** The table for the dataset as the calling thread's transaction sees it. */
    T of(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(unwrap(dsg));
        Transaction txn = tdb == null ? null : tdb.getTxnSystem().getThreadTransaction();
        if (txn == null || txn.isWriteTxn()) return read.apply(dsg); // uncommitted changes belong to no version
        long version = txn.getDataVersion();
        Kept<T> table = kept.get(tdb);
        if (table != null && table.version() == version) return table.table();
        // one build at a time: searches that come while a version's table is built wait for it
        synchronized (this) {
            table = kept.get(tdb);
            if (table == null || table.version() < version) {
                table = new Kept<>(version, read.apply(dsg));
                kept.put(tdb, table);
            }
        }
        // a transaction begun before the newest commit sees an older version: read for it, not kept
        return table.version() == version ? table.table() : read.apply(dsg);
    }

    /**
     * The store under pass-through wrappers; a view that shows part of it (FROM / FROM NAMED, a filtered
     * view: Jena marks them {@link DatasetGraphWrapperView}) is not the store and is read afresh.
     */
    private static DatasetGraph unwrap(DatasetGraph dsg) {
        while (dsg instanceof DatasetGraphWrapper w && !(dsg instanceof DatasetGraphWrapperView)) dsg = w.getWrapped();
        return dsg;
    }
}
