package org.privkg.query;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A table read from a store that privkg's SPARQL functions search in memory where TDB2 has no index
 * for the search. A TDB2 dataset keeps one table per committed version (read on the first search after
 * a change; one build at a time, for all stores). Any other dataset, a write transaction's uncommitted
 * state, a view of part of a store, or a transaction older than the kept table is read for the query
 * that asks, once: the table is kept in that query's context, as a function is called once per row.
 */
final class StoreTable<T> {
    private record Kept<T>(long version, T table) {
    }

    private record ForQuery<T>(DatasetGraph dsg, T table) {
    }

    private final Function<DatasetGraph, T> read;
    private final Map<DatasetGraphTDB, Kept<T>> kept = Collections.synchronizedMap(new WeakHashMap<>());
    private final Symbol forQuery;

    /** {@code read} builds the table inside the caller's transaction; {@code name} tells tables apart. */
    StoreTable(String name, Function<DatasetGraph, T> read) {
        this.read = read;
        this.forQuery = Symbol.create("https://w3id.org/privkg/function#table-" + name);
    }

    /**
     * The table for the dataset as the query's transaction sees it ({@code query}: its context, or null).
     * A query runs in one transaction, so the table found for it is kept in its context: a function
     * called once per row finds it there.
     */
    @SuppressWarnings("unchecked")
    T of(DatasetGraph dsg, Context query) {
        if (query == null) return find(dsg);
        if (query.get(forQuery) instanceof ForQuery<?> done && done.dsg() == dsg) return (T) done.table();
        T table = find(dsg);
        query.set(forQuery, new ForQuery<>(dsg, table));
        return table;
    }

    private T find(DatasetGraph dsg) {
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

    /** Runs one of privkg's internal queries over the dataset, handing each row to {@code row}: how a table is read. */
    static void readRows(DatasetGraph dsg, Query query, Consumer<Binding> row) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            exec.select().forEachRemaining(row);
        }
    }
}
