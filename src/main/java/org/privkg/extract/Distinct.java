package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Labels;

/** The first of each item kept, in order: labels by their key, parties by role and key. */
final class Distinct {
    private Distinct() {
    }

    /** The labels, the first of each key kept, in order. */
    static List<String> labels(List<String> labels) {
        return firstOfEach(labels, Labels::key);
    }

    /** What makes two parties one: their role and key. */
    private record PartyIdentity(Party.Role role, String key) {
    }

    /** The parties, the first of each role and key kept, in order. */
    static List<Party> parties(List<Party> ps) {
        return firstOfEach(ps, p -> new PartyIdentity(p.role(), p.key()));
    }

    /** The parties of both lists, the first of each kept. */
    static List<Party> parties(List<Party> a, List<Party> b) {
        List<Party> all = new ArrayList<>(a);
        all.addAll(b);
        return parties(all);
    }

    /**
     * The items, the first of each identity kept, in order. A clause names a handful of items and
     * parties: comparing each identity with the few kept before it is cheaper than a hash map.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> firstOfEach(List<T> items, java.util.function.Function<T, Object> identity) {
        int n = items.size();
        if (n <= 1) return List.copyOf(items);
        Object[] ids = new Object[n];
        Object[] kept = new Object[n];
        int count = 0;
        next:
        for (int i = 0; i < n; i++) {
            T item = items.get(i);
            Object id = identity.apply(item);
            for (int j = 0; j < count; j++) if (ids[j].equals(id)) continue next;
            ids[count] = id;
            kept[count++] = item;
        }
        return (List<T>) List.of(java.util.Arrays.copyOf(kept, count));
    }
}
