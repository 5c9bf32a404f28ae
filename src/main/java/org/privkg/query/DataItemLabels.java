package org.privkg.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The Chinese labels of a dataset's data items, lower-cased, each with its item: what
 * {@link LabelContains} searches. A TDB2 dataset keeps one table per committed version (built on the
 * first search after a change, from {@code internal/data-item-labels.rq}); any other dataset is read
 * afresh on every search.
 */
final class DataItemLabels {
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("data-item-labels"));
    /** One build at a time: searches that come while a version's table is built wait for it. */
    private static final Object BUILDING = new Object();
    private static final Var ITEM = Var.alloc("item");
    private static final Var LABEL = Var.alloc("label");
    private static final Map<DatasetGraphTDB, DataItemLabels> TABLES = Collections.synchronizedMap(new WeakHashMap<>());

    private final long version;
    private final String[] labels;
    private final Node[] items;

    private DataItemLabels(long version, String[] labels, Node[] items) {
        this.version = version;
        this.labels = labels;
        this.items = items;
    }

    /** The table for the dataset as the calling thread's transaction sees it. */
    static DataItemLabels of(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(unwrap(dsg));
        Transaction txn = tdb == null ? null : tdb.getTxnSystem().getThreadTransaction();
        if (txn == null || txn.isWriteTxn()) return read(dsg, -1); // uncommitted changes belong to no version
        long version = txn.getDataVersion();
        DataItemLabels table = TABLES.get(tdb);
        if (table != null && table.version == version) return table;
        synchronized (BUILDING) {
            table = TABLES.get(tdb);
            if (table == null || table.version < version) {
                table = read(dsg, version);
                TABLES.put(tdb, table);
            }
        }
        // a transaction begun before the newest commit sees an older version: read for it, not kept
        return table.version == version ? table : read(dsg, version);
    }

    /** The items with a label that contains {@code text}, ignoring case; every item for "". */
    List<Node> containing(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        Set<Node> found = new LinkedHashSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].contains(needle)) found.add(items[i]);
        }
        return new ArrayList<>(found);
    }

    private static DataItemLabels read(DatasetGraph dsg, long version) {
        List<String> labels = new ArrayList<>();
        List<Node> items = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                labels.add(row.get(LABEL).getLiteralLexicalForm().toLowerCase(Locale.ROOT));
                items.add(row.get(ITEM));
            });
        }
        return new DataItemLabels(version, labels.toArray(String[]::new), items.toArray(Node[]::new));
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
