package org.privkg.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;

/**
 * The Chinese labels of a dataset's data items, each with its item and the texts it is found by (the
 * label and each policy's own spelling, {@code pk:spelling}): what {@link LabelContains} searches, kept
 * per store version ({@link StoreTable}) and read with {@code internal/data-item-labels.rq}.
 */
final class DataItemLabels {
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("data-item-labels"));
    private static final Var ITEM = Var.alloc("item");
    private static final Var LABEL = Var.alloc("label");
    private static final Var TEXT = Var.alloc("text");
    static final StoreTable<DataItemLabels> TABLES = new StoreTable<>("data-item-labels", DataItemLabels::read);

    /** An item and one of its labels (a literal with its language tag). */
    record Match(Node item, Node label) {
    }

    private final String[] lowerCase;
    private final Match[] labels;

    private DataItemLabels(String[] lowerCase, Match[] labels) {
        this.lowerCase = lowerCase;
        this.labels = labels;
    }

    /**
     * Each item and label where the label or a spelling of the item contains {@code text}, ignoring
     * case, once; every one for "".
     */
    List<Match> matching(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        Set<Match> found = new LinkedHashSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (lowerCase[i].contains(needle)) found.add(labels[i]);
        }
        return new ArrayList<>(found);
    }

    private static DataItemLabels read(DatasetGraph dsg) {
        List<String> lowerCase = new ArrayList<>();
        List<Match> labels = new ArrayList<>();
        StoreTable.readRows(dsg, QUERY, row -> {
            lowerCase.add(row.get(TEXT).getLiteralLexicalForm().toLowerCase(Locale.ROOT));
            labels.add(new Match(row.get(ITEM), row.get(LABEL)));
        });
        return new DataItemLabels(lowerCase.toArray(String[]::new), labels.toArray(Match[]::new));
    }
}
