package org.privkg.rdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.privkg.extract.Broader;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.vocab.ActionConcept;
import org.privkg.vocab.PK;

/**
 * What a query would otherwise work out per row with property paths, worked out once per policy
 * when its triples are written: every data item a practice covers through its own policy's hierarchy
 * ({@code pk:covers}, the item itself and everything {@code skos:broader*} below it), the action's
 * concept and every concept above it ({@code pk:actionCategory}). Both are written into the policy's
 * own graph, so reloading, replacing or deleting the graph keeps them exact with nothing else to update.
 * Items are compared as nodes (label keys), as {@code skos:broader*} over the stored graph compares them.
 */
final class PracticeClosure {
    private final Iris iris;
    /** Child items of each item: the policy's hierarchy read downwards. */
    private final Map<Node, List<Node>> narrower = new HashMap<>();

    PracticeClosure(Iris iris, ExtractedPolicy policy) {
        this.iris = iris;
        for (Broader b : policy.hierarchy()) {
            narrower.computeIfAbsent(item(b.parent()), k -> new ArrayList<>()).add(item(b.child()));
        }
    }

    /** Sends the derived statements of one practice to {@code out} as (predicate, object) pairs. */
    void derive(DataPractice dp, BiConsumer<Node, Node> out) {
        for (ActionConcept a = dp.action(); a != null; a = a.broader) out.accept(PK.actionCategory, PK.action(a));
        Set<Node> covered = new LinkedHashSet<>();
        for (String stated : dp.data()) below(item(stated), covered);
        for (Node n : covered) out.accept(PK.covers, n);
    }

    private Node item(String label) {
        return iris.shared("data", label);
    }

    /** Adds the item and every item under it (a cycle in a policy's hierarchy ends the walk, it does not loop). */
    private void below(Node item, Set<Node> seen) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(item);
        while (!todo.isEmpty()) {
            Node next = todo.poll();
            if (seen.add(next)) todo.addAll(narrower.getOrDefault(next, List.of()));
        }
    }
}
