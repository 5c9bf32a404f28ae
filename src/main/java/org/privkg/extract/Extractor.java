package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.ErrorHandler;
import org.privkg.annotation.Mark;
import org.privkg.annotation.MarkKind;
import org.privkg.annotation.PolicyDocument;
import org.privkg.vocab.Lexicon;

/** Turns a parsed policy into its data practices, data hierarchy and sensitivity declarations (docs/annotating.md). */
public final class Extractor {
    private final Words words;
    private final ListSplitter lists;

    public Extractor(Lexicon lexicon) {
        this.words = new Words(lexicon);
        this.lists = new ListSplitter(lexicon.lists());
    }

    /**
     * @param ownerName the first party's name as the user gives it, or null to find it in the text
     */
    public ExtractedPolicy extract(PolicyDocument doc, String ownerName) {
        return extract(doc, ownerName, new Diagnostics(doc.source()));
    }

    /**
     * @param ownerName the first party's name as the user gives it, or null to find it in the text
     * @param warnings told of each clause read only in part ({@link ExtractionBounds})
     */
    public ExtractedPolicy extract(PolicyDocument doc, String ownerName, ErrorHandler warnings) {
        return extract(doc, ownerName, warnings, Explanation.NONE);
    }

    /**
     * @param ownerName the first party's name as the user gives it, or null to find it in the text
     * @param warnings  told of each clause read only in part ({@link ExtractionBounds})
     * @param explain   told of each decision of the rules, clause by clause ({@code extract --explain})
     */
    public ExtractedPolicy extract(PolicyDocument doc, String ownerName, ErrorHandler warnings, Explanation explain) {
        Owner owner = Owner.of(doc, ownerName, words.lexicon.parties().firstParty());
        ClauseReader reader = new ClauseReader(words, owner, explain);
        explain.policy(doc);
        List<ClauseView> views = doc.clauses().stream().map(c -> new ClauseView(c, lists)).toList();
        List<DataPractice> practices = new ArrayList<>();
        List<String> purposes = List.of();
        Party subject = null;
        int sentence = -1;
        int sentenceFirstPractice = 0;
        int paragraph = -1;
        Party paragraphSubject = null;
        boolean exceptions = false; // in the list after '但以下情形除外：'
        long line = -1;
        for (ClauseView v : views) {
            Clause c = v.clause;
            if (c.paragraph() != paragraph) {
                paragraph = c.paragraph();
                paragraphSubject = reader.leadInParty(v);
            }
            if (c.line() != line) {
                line = c.line();
                exceptions &= words.listItem.matcher(v.text).lookingAt(); // the list ends with its last item line
            }
            if (c.sentence() != sentence) {
                // purposes and the subject carry over only between clauses of one sentence
                purposes = List.of();
                subject = paragraphSubject;
                sentence = c.sentence();
                sentenceFirstPractice = practices.size();
            }
            ClauseReader.Result r = reader.read(v, purposes, subject);
            boolean bounded = r.bounded() || v.firstUnread() != null;
            if (r.practices().isEmpty() && v.spans(MarkKind.PURPOSE).length > 0 && practices.size() > sentenceFirstPractice) {
                // '我司[收集]<订单信息>；用于{对账}': a clause of purposes only serves the practices before it
                bounded |= addPurposes(practices, sentenceFirstPractice, r.purposes());
            }
            if (bounded) warnBounded(v, warnings);
            boolean[] consent = r.practices().isEmpty() ? null : reader.consent(v); // only practices carry it
            int taken = practices.size();
            for (ClauseReader.Draft d : r.practices()) {
                practices.add(new DataPractice(practices.size() + 1, c.index(), d.action(), d.actionText(), d.actor(),
                        d.data(), r.purposes(), d.recipients(), d.sources(), d.places(), consent[0], consent[1],
                        d.negated(), d.inferred(), d.entrusted(), d.crossBorder(), exceptions));
            }
            explain.clause(c, practices.subList(taken, practices.size()));
            if (words.exceptionIntroduction.matcher(v.text).find()) exceptions = true;
            purposes = r.purposes();
            subject = r.subject();
        }
        return new ExtractedPolicy(doc, owner.name(), List.copyOf(practices),
                new Hierarchy(words, views).edges(), new Sensitivity(words, views).declared(), altNames(views));
    }

    /** The other names data marks give their items in parentheses, each once, in reading order. */
    private static List<ItemList.AltName> altNames(List<ClauseView> views) {
        java.util.Set<ItemList.AltName> all = new java.util.LinkedHashSet<>();
        for (ClauseView v : views) for (ClauseView.Span s : v.spans(MarkKind.DATA)) all.addAll(v.items(s).altNames());
        return List.copyOf(all);
    }

    /**
     * Adds the purposes to the practices from index {@code from} on, nearest first, as many as keep
     * the links added within {@link ExtractionBounds#LINKS_PER_CLAUSE} (at least the nearest); true
     * when some were left out.
     */
    private static boolean addPurposes(List<DataPractice> practices, int from, List<String> more) {
        int reach = Math.max(1, ExtractionBounds.LINKS_PER_CLAUSE / Math.max(1, more.size()));
        int first = Math.max(from, practices.size() - reach);
        boolean left = first > from;
        for (int i = first; i < practices.size(); i++) {
            DataPractice p = practices.get(i);
            DataPractice served = p.withPurposes(more, ExtractionBounds.MARKS_PER_KIND);
            left |= !served.purposes().containsAll(more); // full: the purposes past the bound are left out
            practices.set(i, served);
        }
        return left;
    }

    private static void warnBounded(ClauseView v, ErrorHandler warnings) {
        Mark at = v.firstUnread() != null ? v.firstUnread() : v.spans[0].mark();
        warnings.warning("this clause has more marks than are read: at most " + ExtractionBounds.MARKS_PER_KIND
                + " of each kind, " + ExtractionBounds.ACTIONS_PER_CLAUSE + " actions and "
                + ExtractionBounds.LINKS_PER_CLAUSE + " links (data items, purposes, parties of its practices) "
                + "are read, the first in reading order; split the clause with '；' or '。' to have all of it read",
                at.line(), at.column());
    }
}
