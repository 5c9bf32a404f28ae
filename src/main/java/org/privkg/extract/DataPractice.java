package org.privkg.extract;

import java.util.List;
import org.privkg.vocab.ActionConcept;

/**
 * One statement of the form actor — action — data — purposes (docs/annotating.md).
 *
 * @param clause              index of the clause it comes from (its evidence)
 * @param data                labels of the data items, in text order
 * @param entrustedProcessing the recipient came through 委托 (entrusted processing, PIPL art. 21)
 * @param crossBorder         data goes abroad: to a recipient or place outside mainland China, or a Share/Transfer/Disclose
 *                            in a clause that sends data abroad (境外, 出境 …; PIPL art. 38)
 * @param exception           listed under '以下情形除外：': an exception to the rule the sentence before states
 */
public record DataPractice(int index, int clause, ActionConcept action, String actionText, Party actor,
                           List<String> data, List<String> purposes, List<Party> recipients, List<Party> sources,
                           List<Party> storedIn, boolean requiresConsent, boolean requiresSeparateConsent,
                           boolean negated, boolean inferred, boolean entrustedProcessing, boolean crossBorder,
                           boolean exception) {

    /** The same practice serving more purposes, up to {@code atMost} in all. */
    public DataPractice withPurposes(List<String> more, int atMost) {
        List<String> all = new java.util.ArrayList<>(purposes);
        for (String m : more) if (all.size() < atMost && !all.contains(m)) all.add(m);
        return new DataPractice(index, clause, action, actionText, actor, data, List.copyOf(all), recipients, sources,
                storedIn, requiresConsent, requiresSeparateConsent, negated, inferred, entrustedProcessing, crossBorder, exception);
    }
}
