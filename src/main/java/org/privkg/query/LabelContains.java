package org.privkg.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropFuncArgType;
import org.apache.jena.sparql.pfunction.PropertyFunctionEval;

/**
 * The property function {@code ?item pkf:dataItemLabelContains "text"}: the data items
 * ({@code pk:DataType}) with a Chinese label or policy spelling ({@code pk:spelling}: {@code IP 地址} of the
 * item labelled {@code IP地址}) that contains the text, ignoring case ("" = every item);
 * {@code (?item ?label) pkf:dataItemLabelContains "text"} also binds the item's Chinese label (an item
 * with two labels, as stores loaded before pk:spelling may hold, answers twice). It answers what
 * {@code SELECT DISTINCT ?item ?label { ?item a pk:DataType ; rdfs:label ?label ; rdfs:label|pk:spelling ?t
 * FILTER(langMatches(lang(?label), "zh") && langMatches(lang(?t), "zh") && CONTAINS(LCASE(STR(?t)), LCASE(text))) }}
 * answers, from a
 * table of the distinct labels ({@link DataItemLabels}) rather than a scan of every policy's label
 * triples: TDB2 has no index for a substring (at 10,000 policies the scan reads ~900,000 quads, ~0.4 s).
 * It answers over the union of all graphs, also inside {@code GRAPH}. Jena's {@code text:query} is the
 * model. Outside privkg the predicate is an ordinary one that
 * matches nothing, so the bundled query that uses it needs privkg on the classpath
 * ({@link PrivkgFunctions} registers it when Jena initialises).
 */
public final class LabelContains extends PropertyFunctionEval {
    public static final String IRI = "https://w3id.org/privkg/function#dataItemLabelContains";

    public LabelContains() {
        super(PropFuncArgType.PF_ARG_EITHER, PropFuncArgType.PF_ARG_SINGLE);
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        super.build(subject, predicate, object, cxt);
        if (subject.isList() && (subject.getArgListSize() < 1 || subject.getArgListSize() > 2)) {
            throw new QueryBuildException("pkf:dataItemLabelContains takes ?item or (?item ?label) as its subject, not "
                    + subject.getArgListSize() + " terms");
        }
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
            ExecutionContext cxt) {
        Node text = object.getArg();
        if (!text.isLiteral()) {
            throw new QueryExecException("pkf:dataItemLabelContains needs text as its object, not " + text);
        }
        DataItemLabels table = DataItemLabels.TABLES.of(cxt.getDataset(), cxt.getContext());
        Node item = subject.isNode() ? subject.getArg() : subject.getArg(0);
        Node label = subject.isList() && subject.getArgListSize() == 2 ? subject.getArg(1) : null;
        Set<Node> answered = new HashSet<>();
        List<Binding> rows = new ArrayList<>();
        for (DataItemLabels.Match found : table.matching(text.getLiteralLexicalForm())) {
            if (label == null && !answered.add(found.item())) continue; // without ?label, an item answers once
            BindingBuilder row = Binding.builder(binding);
            boolean fits = bind(row, item, found.item())
                    && (label == null || bind(row, label, found.label()));
            if (fits) rows.add(row.build());
        }
        return QueryIterPlainWrapper.create(rows.iterator(), cxt);
    }

    /** Binds a variable argument to the value, or tells whether the argument is the value. */
    private static boolean bind(BindingBuilder row, Node arg, Node value) {
        if (!arg.isVariable()) return arg.equals(value);
        Var var = Var.alloc(arg);
        if (row.contains(var)) return row.get(var).equals(value); // the same variable twice: (?x ?x)
        row.add(var, value);
        return true;
    }
}
