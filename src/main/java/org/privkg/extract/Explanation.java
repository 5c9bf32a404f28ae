package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Mark;
import org.privkg.annotation.PolicyDocument;

/**
 * What the rules decided, told by the rules as they decide it, for {@code privkg extract --explain}:
 * per clause (with its line:column) the practices taken, then each decision. {@link #NONE} records
 * nothing, and the rules build no text for it: extraction is as fast as without it.
 */
public final class Explanation {
    /** Records nothing: what extraction uses when nobody asks why. */
    public static final Explanation NONE = new Explanation(false);

    private final boolean on;
    private final List<String> lines = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private String source;

    private Explanation(boolean on) {
        this.on = on;
    }

    /** An explanation that records. */
    public static Explanation recording() {
        return new Explanation(true);
    }

    boolean on() {
        return on;
    }

    /** A decision of a rule about the clause being read; rules build its text only when {@link #on}. */
    void decided(String decision) {
        if (on) decisions.add(decision);
    }

    void policy(PolicyDocument doc) {
        if (!on) return;
        this.source = doc.source();
    }

    /** The clause is read: its header, the practices taken from it, then the decisions that made them. */
    void clause(Clause c, List<DataPractice> taken) {
        if (!on) return;
        if (!taken.isEmpty() || !decisions.isEmpty()) {
            lines.add(source + ":" + place(c) + ": " + c.annotated().strip());
            for (DataPractice p : taken) lines.add("  " + describe(p));
            for (String d : decisions) lines.add("    " + d);
        }
        decisions.clear();
    }

    /** The lines recorded so far, in reading order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    private static String describe(DataPractice p) {
        StringBuilder sb = new StringBuilder("practice ").append(p.index()).append(": ")
                .append(p.negated() ? "not " : "").append(p.action().localName)
                .append(p.actionText().isEmpty() ? "" : " [" + p.actionText() + "]")
                .append(" by ").append(p.actor().label())
                .append(", data ").append(p.data().isEmpty() ? "none" : String.join("、", p.data()));
        if (!p.purposes().isEmpty()) sb.append(", for ").append(String.join("、", p.purposes()));
        if (!p.recipients().isEmpty()) sb.append(", to ").append(labels(p.recipients()));
        if (!p.sources().isEmpty()) sb.append(", from ").append(labels(p.sources()));
        if (!p.storedIn().isEmpty()) sb.append(", kept in ").append(labels(p.storedIn()));
        if (p.crossBorder()) sb.append(", abroad");
        if (p.requiresConsent()) sb.append(p.requiresSeparateConsent() ? ", with separate consent" : ", with consent");
        return sb.toString();
    }

    private static String labels(List<Party> parties) {
        return String.join("、", parties.stream().map(Party::label).toList());
    }

    /**
     * Where the clause starts, LINE:COL: its column follows from its first mark's (offsets and columns
     * count the same code points); just LINE when that mark stands on a later line.
     */
    private static String place(Clause c) {
        for (Mark m : c.marks()) {
            return m.line() == c.line() ? c.line() + ":" + (m.column() - (m.start() - c.start())) : Long.toString(c.line());
        }
        return Long.toString(c.line());
    }
}
