package org.privkg.vocab;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;

/**
 * Derives the PIPL art. 28 categories of sensitive personal information of a data item from its label
 * (ontology/lexicon/pipl.json), independently of what a policy declares. A label may fall in several
 * categories (未成年就诊人的健康信息 is medical health; 儿童体检报告 also a minor's information).
 */
public final class PiplClassifier {
    private record Compiled(String category, Node node, CueSet cues) {
    }

    /** The categories a label falls in, as names and as nodes, built once per label. */
    private record Answer(List<String> names, List<Node> nodes) {
        static final Answer NONE = new Answer(List.of(), List.of());
    }

    private static volatile PiplClassifier bundled;

    private final List<Compiled> categories;
    /** Answers by label (a function of it, asked again for every policy that names the item); bounded. */
    private final LabelMemo<Answer> byLabel = new LabelMemo<>(this::classify);

    public PiplClassifier(MappingLexicons lexicons) {
        List<Compiled> out = new ArrayList<>();
        for (MappingLexicons.Category c : lexicons.pipl().categories()) {
            if (c.category() == null || !c.category().matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("bad PIPL category name in pipl.json: '" + c.category() + "'");
            }
            out.add(new Compiled(c.category(), PK.term(c.category()), new CueSet(c.cues(), List.of(), c.unless())));
        }
        this.categories = List.copyOf(out);
    }

    public static PiplClassifier bundled() {
        PiplClassifier p = bundled;
        if (p == null) {
            synchronized (PiplClassifier.class) {
                if (bundled == null) bundled = new PiplClassifier(MappingLexicons.bundled());
                p = bundled;
            }
        }
        return p;
    }

    /** Local names of the pk: categories the label falls in, in the lexicon's order. */
    public List<String> categories(String label) {
        return byLabel.get(label).names();
    }

    /** The categories as pk: concept nodes. */
    public List<Node> categoryNodes(String label) {
        return byLabel.get(label).nodes();
    }

    private Answer classify(String label) {
        String key = CueSet.normalise(label);
        List<Compiled> found = new ArrayList<>();
        for (Compiled c : categories) if (!c.cues.find(key).isEmpty()) found.add(c);
        return found.isEmpty() ? Answer.NONE
                : new Answer(found.stream().map(Compiled::category).toList(), found.stream().map(Compiled::node).toList());
    }

    /** Every category the lexicon knows (local names). */
    public List<String> knownCategories() {
        return categories.stream().map(Compiled::category).toList();
    }
}
