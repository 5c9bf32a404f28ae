package org.privkg.diff;

import java.util.List;
import java.util.Map;

/**
 * A practice as {@code privkg diff} compares it (docs/architecture.md, "Versions and diff"). Its
 * {@link Key} (action, actor, data items, negation) says which practice it is; its {@code terms} (the
 * fields in {@link #TERMS}) say what the policy states about it, and a practice whose key is kept but
 * whose terms differ is changed. The evidence (clause text and line) shows where it is said and is not
 * compared: rewording a clause or moving it changes no practice.
 *
 * @param terms each of {@link #TERMS} to its values, sorted (a flag: "true" or "false")
 */
public record Practice(Key key, Map<String, List<String>> terms, String evidence, int line) {
    /** The fields compared to tell a changed practice, in the order they are reported. */
    public static final List<String> TERMS = List.of("purposes", "recipients", "sources", "storedIn", "requiresConsent",
            "requiresSeparateConsent", "entrustedProcessing", "crossBorder", "exception");

    public Practice {
        terms = Map.copyOf(terms);
    }

    /** Which practice it is: the same key in two versions is the same practice. */
    public record Key(String action, String actor, List<String> data, boolean negated) {
        public Key {
            data = data.stream().sorted().toList();
        }

        /** e.g. {@code collect 示例商城: 手机号码、位置信息}, {@code not share …} when negated. */
        @Override
        public String toString() {
            return (negated ? "not " : "") + action + " " + actor + ": " + String.join("、", data);
        }
    }

    /** Whether a term is a flag (a single "true" or "false") rather than a list of labels. */
    public static boolean isFlag(String term) {
        return TERMS.indexOf(term) >= TERMS.indexOf("requiresConsent");
    }

    public List<String> term(String name) {
        return terms.getOrDefault(name, List.of());
    }
}
