package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Clause;
import org.privkg.annotation.MarkKind;
import org.privkg.annotation.PolicyDocument;
import org.privkg.vocab.Lexicon;

/** Turns a parsed policy into its data practices, data hierarchy and sensitivity declarations (SPEC §3). */
public final class Extractor {
    private final Words words;

    public Extractor(Lexicon lexicon) {
        this.words = new Words(lexicon);
    }

    /**
     * @param ownerName the first party's name as the user gives it, or null to find it in the text
     */
    public ExtractedPolicy extract(PolicyDocument doc, String ownerName) {
        Owner owner = Owner.of(doc, ownerName, words.lexicon.parties().firstParty());
        ClauseReader reader = new ClauseReader(words, owner);
        List<ClauseView> views = doc.clauses().stream().map(ClauseView::new).toList();
        List<DataPractice> practices = new ArrayList<>();
        List<String> purposes = List.of();
        Party subject = null;
        int sentence = -1;
        int sentenceFirstPractice = 0;
        int paragraph = -1;
        Party paragraphSubject = null;
        for (ClauseView v : views) {
            Clause c = v.clause;
            if (c.paragraph() != paragraph) {
                paragraph = c.paragraph();
                paragraphSubject = reader.leadInParty(v);
            }
            if (c.sentence() != sentence) {
                // purposes and the subject carry over only between clauses of one sentence
                purposes = List.of();
                subject = paragraphSubject;
                sentence = c.sentence();
                sentenceFirstPractice = practices.size();
            }
            ClauseReader.Result r = reader.read(v, purposes, subject);
            if (r.practices().isEmpty() && v.spans(MarkKind.PURPOSE).length > 0 && practices.size() > sentenceFirstPractice) {
                // '我司[收集]<订单信息>；用于{对账}': a clause of purposes only serves the practices before it
                addPurposes(practices, sentenceFirstPractice, r.purposes());
            }
            boolean[] consent = r.practices().isEmpty() ? null : reader.consent(v); // only practices carry it
            for (ClauseReader.Draft d : r.practices()) {
                practices.add(new DataPractice(practices.size() + 1, c.index(), d.action(), d.actionText(), d.actor(),
                        d.data(), r.purposes(), d.recipients(), d.sources(), d.places(), consent[0], consent[1],
                        d.negated(), d.inferred(), d.entrusted(), d.crossBorder()));
            }
            purposes = r.purposes();
            subject = r.subject();
        }
        return new ExtractedPolicy(doc, owner.name(), List.copyOf(practices),
                new Hierarchy(words, views).edges(), new Sensitivity(words, views).declared());
    }

    private static void addPurposes(List<DataPractice> practices, int from, List<String> more) {
        for (int i = from; i < practices.size(); i++) practices.set(i, practices.get(i).withPurposes(more));
    }
}
