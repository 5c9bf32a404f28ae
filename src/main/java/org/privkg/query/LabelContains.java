package org.privkg.query;

import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimple;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.system.Txn;

/**
 * The property function {@code ?item pkf:dataItemLabelContains "text"}: the data items
 * ({@code pk:DataType}) with a Chinese label that contains the text, ignoring case ("" = every item).
 * It answers what {@code ?item a pk:DataType ; rdfs:label ?l FILTER(langMatches(lang(?l), "zh") &&
 * CONTAINS(LCASE(STR(?l)), LCASE(text)))} answers, from a table of the distinct labels
 * ({@link DataItemLabels}) rather than a scan of every policy's label triples: TDB2 has no index
 * for a substring (at 10,000 policies the scan reads ~900,000 quads, ~0.4 s). Jena's
 * {@code text:query} is the model. Outside privkg the predicate is an ordinary one that matches
 * nothing, so the bundled query that uses it needs privkg on the classpath ({@link PrivkgFunctions}
 * registers it when Jena initialises).
 */
public final class LabelContains extends PFuncSimple {
    public static final String IRI = "https://w3id.org/privkg/function#dataItemLabelContains";

    /** Makes the function known to every query run in this JVM (idempotent; {@link PrivkgFunctions} calls it). */
    public static void register() {
        PropertyFunctionRegistry.get().put(IRI, LabelContains.class);
    }

    /** Builds the dataset's label table ahead of the first search; quietly does nothing if it cannot. */
    public static void prepare(DatasetGraph dsg) {
        try {
            Txn.executeRead(dsg, () -> DataItemLabels.of(dsg));
        } catch (RuntimeException e) {
            // the dataset closed or failed meanwhile: the first search builds the table, or says what is wrong
        }
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, Node object, ExecutionContext cxt) {
        if (!object.isLiteral()) {
            throw new QueryExecException("pkf:dataItemLabelContains needs text as its object, not " + object);
        }
        List<Node> items = DataItemLabels.of(cxt.getDataset()).containing(object.getLiteralLexicalForm());
        if (!subject.isVariable()) {
            return QueryIterPlainWrapper.create(items.contains(subject) ? List.of(binding).iterator() : List.<Binding>of().iterator(), cxt);
        }
        Var var = Var.alloc(subject);
        return QueryIterPlainWrapper.create(Iter.map(items.iterator(), item -> BindingFactory.binding(binding, var, item)), cxt);
    }
}
