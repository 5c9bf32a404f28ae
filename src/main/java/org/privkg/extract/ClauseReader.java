package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;
import org.privkg.vocab.ActionConcept;

/**
 * Reads the practices of one clause (docs/annotating.md): actions, their data, parties, negation and
 * consent. The rules live in the classes it asks: {@link Actions}, {@link DataOf}, {@link Subjects},
 * {@link Counterparties}, {@link PartyResolver} and {@link Conditions}.
 */
final class ClauseReader {
    /** What a clause yields, and what the next clause of its sentence inherits. */
    record Result(List<Draft> practices, List<String> purposes, Party subject, boolean bounded) {
        Result(List<Draft> practices, List<String> purposes, Party subject) {
            this(practices, purposes, subject, false);
        }
    }

    /** A practice before it is numbered. */
    record Draft(ActionConcept action, String actionText, Party actor, List<String> data, List<Party> recipients,
                 List<Party> sources, List<Party> places, boolean negated, boolean inferred, boolean entrusted,
                 boolean crossBorder) {
    }

    private final Words words;
    private final PartyResolver parties;
    private final Actions actions;
    private final Subjects subjects;
    private final Counterparties counterparties;
    private final Conditions conditions;
    private final Explanation explain;

    ClauseReader(Words words, Owner owner, Explanation explain) {
        this.explain = explain;
        this.words = words;
        this.parties = new PartyResolver(words, owner);
        this.actions = new Actions(words);
        this.subjects = new Subjects(words, parties);
        this.counterparties = new Counterparties(words, parties);
        this.conditions = new Conditions(words);
    }

    /** Consent conditions of the clause: [requiresConsent, requiresSeparateConsent]. */
    boolean[] consent(ClauseView v) {
        return conditions.consent(v);
    }

    /** The third party a paragraph opens with ('友盟统计SDK：…'), or null: see {@link PartyResolver#leadInParty}. */
    Party leadInParty(ClauseView v) {
        return parties.leadInParty(v);
    }

    Result read(ClauseView v, List<String> inheritedPurposes, Party inheritedSubject) {
        List<String> purposes = Distinct.labels(labels(v.spans(MarkKind.PURPOSE)));
        if (purposes.isEmpty()) purposes = inheritedPurposes;
        Span[] data = v.spans(MarkKind.DATA);
        List<Act> acts = actions.of(v);
        boolean inferred = acts.isEmpty();
        if (inferred && data.length > 0) acts = List.of(actions.inferred(v, data, explain));
        if (acts.isEmpty()) {
            counterparties.rememberNamed(v);
            return new Result(List.of(), purposes, subjects.last(v, inheritedSubject));
        }

        DataOf dataOf = DataOf.attach(words, v, acts, inferred, explain);
        boolean[] negatedGroup = new boolean[acts.size() + 1];
        for (Act a : acts) if (conditions.negated(v, a, explain)) negatedGroup[a.group()] = true;

        boolean anyPlace = false;
        for (Span e : v.spans(MarkKind.ENTITY)) anyPlace |= parties.classify(e.mark().label()).role() == Party.Role.PLACE;
        List<Draft> drafts = new ArrayList<>();
        List<Party> flow = List.of();
        for (Act a : acts) {
            Party subject = subjects.before(v, a, inheritedSubject, explain);
            ActionConcept concept = concept(v, a);
            Party actor = subject != null && subject.role() != Party.Role.DATA_SUBJECT ? subject : parties.firstParty;
            if (explain.on()) {
                explain.decided("actor " + actor.label() + ": " + (actor == subject ? "the subject"
                        : subject == null ? "no subject: the policy's own side" : "the user is the subject: the policy's own side handles the data"));
            }
            List<Party> recipients = concept.sendsData() ? counterparties.recipients(v, a, explain) : List.of();
            List<Party> entrusted = counterparties.entrusted(v, a, explain);
            if (!entrusted.isEmpty()) recipients = Distinct.parties(recipients, entrusted);
            if (concept.sendsData()) recipients = Distinct.parties(recipients, counterparties.announcedRecipients(v, explain));
            if (concept == ActionConcept.PROVIDE && !flow.isEmpty() && counterparties.continuesFlow(v, a, subject)) {
                // '…与(广告平台)[共享]，但不会[提供]您的…': the recipient is left out because it was just named
                concept = ActionConcept.SHARE;
                recipients = flow;
                if (explain.on()) Counterparties.tell(explain, "recipient", flow, "[" + a.verb() + "] names no one: the flow just named goes on");
            }
            if (concept.sendsData() && !recipients.isEmpty()) flow = recipients;
            List<Party> sources = List.of();
            if (concept.receivesData()) {
                sources = counterparties.sources(v, a, concept, explain);
                if (concept == ActionConcept.PROVIDE && sources.isEmpty() && (subject == null || subject == inheritedSubject)) {
                    Party giver = counterparties.giverWritten(v, a, explain);
                    if (giver != null) sources = List.of(giver);
                }
                if (concept == ActionConcept.PROVIDE && subject != null && subject.role() != Party.Role.FIRST_PARTY) {
                    // someone hands data to the policy's side: they are the source, the first party handles it
                    actor = parties.firstParty;
                    if (sources.isEmpty()) sources = List.of(subject);
                    if (explain.on()) {
                        explain.decided("actor " + actor.label() + ": " + subject.label() + " [" + a.verb()
                                + "] hands data to the policy's own side, which receives it (source " + sources.get(0).label() + ")");
                    }
                }
            }
            List<Party> places = anyPlace ? counterparties.placesFor(v, acts, a, explain) : List.of();
            if (anyPlace && concept.sendsData()) {
                List<Party> toward = counterparties.placesToward(v, a, explain);
                if (!toward.isEmpty()) {
                    recipients = Distinct.parties(recipients, toward);
                    places = places.stream().filter(p -> !toward.contains(p)).toList();
                }
            }
            drafts.add(new Draft(concept, a.verb(), actor, Distinct.labels(dataOf.get(a)), recipients, sources,
                    places, negatedGroup[a.group()], inferred,
                    !entrusted.isEmpty() || PiplCues.announcesEntrusted(v), crossBorder(v, concept, recipients, places)));
        }
        counterparties.rememberNamed(v);
        List<Draft> kept = withinLinkBound(drafts, purposes.size());
        boolean bounded = kept.size() < drafts.size() || actions.cut();
        return new Result(kept, purposes, subjects.last(v, inheritedSubject), bounded);
    }

    private ActionConcept concept(ClauseView v, Act a) {
        if (a.verb().isEmpty()) return ActionConcept.PROCESS;
        ActionConcept c = words.lexicon.actions().concept(a.verb());
        if (c == null) return ActionConcept.PROCESS;
        // '(车机)会向我们[发送]': what is sent to the policy's side is provided to it
        if (c.sendsData() && counterparties.toOwnSide(v, a)) return ActionConcept.PROVIDE;
        if (words.directional.contains(a.verb()) && counterparties.handsToOtherParty(v, a)) return ActionConcept.SHARE;
        if (words.directedDisclose.contains(a.verb()) && counterparties.handsToOtherParty(v, a)) return ActionConcept.DISCLOSE;
        return c;
    }

    /**
     * Data goes abroad: a Disclose-family practice in a clause that says so (发送至境外), or a
     * recipient or storage place written with 境外, 海外 … or a region outside mainland China
     * ((新加坡的服务器), (位于香港的广告监测服务商)).
     */
    private boolean crossBorder(ClauseView v, ActionConcept concept, List<Party> recipients, List<Party> places) {
        if (concept.isA(ActionConcept.DISCLOSE) && PiplCues.abroad(v)) return true;
        for (Party p : places) if (words.abroad(p.label())) return true;
        if (concept.sendsData()) for (Party p : recipients) if (words.abroad(p.label())) return true;
        return false;
    }

    /** The first drafts, in order, while their links fit {@link ExtractionBounds#LINKS_PER_CLAUSE}; the first always. */
    private static List<Draft> withinLinkBound(List<Draft> drafts, int purposes) {
        int links = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            links += d.data().size() + purposes + d.recipients().size() + d.sources().size() + d.places().size();
            if (i > 0 && links > ExtractionBounds.LINKS_PER_CLAUSE) return drafts.subList(0, i);
        }
        return drafts;
    }

    private static List<String> labels(Span[] spans) {
        List<String> out = new ArrayList<>(spans.length);
        for (Span s : spans) out.add(s.mark().label());
        return out;
    }
}
