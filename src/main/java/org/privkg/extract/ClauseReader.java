package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.privkg.annotation.Labels;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;
import org.privkg.vocab.ActionConcept;
import org.privkg.vocab.Lexicon;

/** Reads the practices of one clause (docs/annotating.md): actions, their data, parties, negation and consent. */
final class ClauseReader {
    /** One verb of the clause: from an action mark, or the unmarked verb of an inferred practice. */
    private record Act(Span span, int from, int to, String verb, int group) {
    }

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

    /**
     * The data of each act. Acts are values: two equal acts (收集、收集 split into the same verb twice)
     * share one list, as keys of a map would.
     */
    private static final class DataOf {
        private final List<Act> acts;
        private final List<String>[] lists;

        @SuppressWarnings("unchecked")
        DataOf(List<Act> acts) {
            this.acts = acts;
            this.lists = new List[acts.size()];
            for (int i = 0; i < acts.size(); i++) {
                int same = i;
                for (int j = 0; j < i; j++) {
                    if (acts.get(j).equals(acts.get(i))) {
                        same = j;
                        break;
                    }
                }
                lists[i] = same == i ? new ArrayList<>() : lists[same];
            }
        }

        List<String> get(Act a) {
            for (int i = 0; i < acts.size(); i++) if (acts.get(i) == a) return lists[i];
            for (int i = 0; i < acts.size(); i++) if (acts.get(i).equals(a)) return lists[i];
            return null;
        }
    }

    private static List<String> labels(Span[] spans) {
        List<String> out = new ArrayList<>(spans.length);
        for (Span s : spans) out.add(s.mark().label());
        return out;
    }

    private final Words words;
    private final Lexicon.Cues cues;
    private final Lexicon.Parties parties;
    private final Owner owner;
    private final Party firstParty;
    private final Party dataSubject;
    /** The keys of the names the policy gives its own side. */
    private final java.util.Set<String> aliasKeys;
    /** Parties by label: classifying is a function of the label for one policy's owner, asked many times per clause. */
    private final Map<String, Party> classified = new java.util.HashMap<>();
    private final Conditions conditions;
    /** The clause {@link #ownerMentions} and {@link #subjects} were found in. */
    private ClauseView mentionsOf;
    private int[] mentionStart = new int[8];
    private int[] mentionEnd = new int[8];
    private int mentions;
    private ClauseView subjectsOf;
    private Party[] subjects;
    /** Whether {@link #actions} left verbs of the clause unread ({@link ExtractionBounds#ACTIONS_PER_CLAUSE}). */
    private boolean actionsCut;
    /** The third party most recently named by a mark, for 其 and 对方 in later clauses of the paragraph. */
    private Party lastNamed;
    private int lastNamedParagraph = -1;

    ClauseReader(Words words, Owner owner) {
        this.words = words;
        this.cues = words.lexicon.cues();
        this.parties = words.lexicon.parties();
        this.owner = owner;
        this.conditions = new Conditions(words);
        this.firstParty = new Party(Party.Role.FIRST_PARTY, owner.name());
        this.dataSubject = new Party(Party.Role.DATA_SUBJECT, "用户");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String alias : owner.aliases()) keys.add(Labels.key(alias));
        this.aliasKeys = keys;
    }

    /** Consent conditions of the clause: [requiresConsent, requiresSeparateConsent]. */
    boolean[] consent(ClauseView v) {
        return conditions.consent(v);
    }

    Result read(ClauseView v, List<String> inheritedPurposes, Party inheritedSubject) {
        List<String> purposes = distinct(labels(v.spans(MarkKind.PURPOSE)));
        if (purposes.isEmpty()) purposes = inheritedPurposes;
        Span[] data = v.spans(MarkKind.DATA);
        List<Act> acts = actions(v);
        boolean inferred = acts.isEmpty();
        if (inferred && data.length > 0) acts = List.of(inferredAct(v, data));
        if (acts.isEmpty()) {
            rememberNamed(v);
            return new Result(List.of(), purposes, lastSubject(v, v.text.length(), inheritedSubject));
        }

        DataOf dataOf = new DataOf(acts);
        if (inferred) {
            for (Span d : data) dataOf.get(acts.get(0)).addAll(v.items(d).members());
        } else {
            Act main = null;
            Span previous = null;
            for (Span d : data) {
                Act target = owningAct(v, acts, d);
                List<String> members = v.items(d).members();
                for (Act a : acts) if (a.group == target.group) dataOf.get(a).addAll(members);
                boolean coordinated = main != null && words.isConnective(v.text, previous.to(), d.from());
                if (!coordinated) main = modifiedBy(v, acts, target, d);
                if (main != null) for (Act a : acts) if (a.group == main.group) dataOf.get(a).addAll(members);
                previous = d;
            }
            shareElidedObjects(v, acts, dataOf);
        }
        boolean[] negatedGroup = new boolean[acts.size() + 1];
        for (Act a : acts) if (conditions.negated(v, a.from)) negatedGroup[a.group] = true;

        List<Party> places = new ArrayList<>(0);
        for (Span e : v.spans(MarkKind.ENTITY)) {
            Party p = classify(e.mark().label());
            if (p.role() == Party.Role.PLACE) places.add(p);
        }
        List<Draft> drafts = new ArrayList<>();
        List<Party> flow = List.of();
        for (Act a : acts) {
            Party subject = subjectBefore(v, a.from, inheritedSubject);
            ActionConcept concept = concept(v, a);
            Party actor = subject != null && subject.role() != Party.Role.DATA_SUBJECT ? subject : firstParty;
            List<Party> recipients = concept.sendsData() ? recipients(v, a) : List.of();
            List<Party> entrusted = entrusted(v, a);
            if (!entrusted.isEmpty()) recipients = distinctParties(concat(recipients, entrusted));
            if (concept.sendsData()) recipients = distinctParties(concat(recipients, announcedRecipients(v)));
            if (concept == ActionConcept.PROVIDE && !flow.isEmpty() && continuesFlow(v, a, subject)) {
                // '…与(广告平台)[共享]，但不会[提供]您的…': the recipient is left out because it was just named
                concept = ActionConcept.SHARE;
                recipients = flow;
            }
            if (concept.sendsData() && !recipients.isEmpty()) flow = recipients;
            List<Party> sources = List.of();
            if (concept.receivesData()) {
                sources = sources(v, a, concept);
                if (concept == ActionConcept.PROVIDE && subject != null && subject.role() != Party.Role.FIRST_PARTY) {
                    // someone hands data to the policy's side: they are the source, the first party handles it
                    actor = firstParty;
                    if (sources.isEmpty()) sources = List.of(subject);
                }
            }
            drafts.add(new Draft(concept, a.verb, actor, distinct(dataOf.get(a)), recipients, sources,
                    placesFor(v, acts, a, places), negatedGroup[a.group], inferred,
                    !entrusted.isEmpty() || PiplCues.announcesEntrusted(v), crossBorder(v, concept, recipients, placesFor(v, acts, a, places))));
        }
        rememberNamed(v);
        List<Draft> kept = withinLinkBound(drafts, purposes.size());
        boolean bounded = kept.size() < drafts.size() || actionsCut;
        return new Result(kept, purposes, lastSubject(v, v.text.length(), inheritedSubject), bounded);
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

    private static final java.util.regex.Pattern LEAD_IN =
            java.util.regex.Pattern.compile("^\\s*(?:[●•·▪◆■◇○*+-]\\s*)?([^：:，,。；;]{1,30})[：:]");

    /**
     * A paragraph that opens with a party's name and a colon, as in SDK lists ('- 友盟统计SDK：…会收集…'),
     * speaks of what that party does: the party is the subject of the paragraph. Null otherwise.
     */
    Party leadInParty(ClauseView v) {
        int colon = v.text.indexOf('：');
        if (colon < 0) colon = v.text.indexOf(':');
        if (colon < 1 || colon > 34) return null;
        java.util.regex.Matcher m = LEAD_IN.matcher(v.text);
        // anchored at the start: lookingAt, not a find that tries every position
        if (!m.lookingAt() || v.markBetween(m.start(1), m.end(1)) || v.inMark(m.start(1)) || v.inMark(m.end(1) - 1)) return null;
        String name = m.group(1).strip();
        if (words.lastPartyWordEnd(name) < 0) return null;
        Party p = classify(name);
        return p.role() == Party.Role.THIRD_PARTY ? p : null;
    }

    private void rememberNamed(ClauseView v) {
        for (Span e : v.spans(MarkKind.ENTITY)) {
            Party p = classify(e.mark().label());
            if (p.role() == Party.Role.THIRD_PARTY) {
                lastNamed = p;
                lastNamedParagraph = v.clause.paragraph();
            }
        }
    }

    /**
     * '委托(服务商)[处理]您[提交]的<咨询内容>': an action mark right before 的 modifies the item; the item
     * is also the object of the main action before it in the comma-part.
     */
    private Act modifiedBy(ClauseView v, List<Act> acts, Act target, Span d) {
        if (target.to > d.from() || !onlyDe(v.text, target.to, d.from())) return null;
        Act main = null;
        for (Act a : acts) {
            if (a.to <= target.from && a.group != target.group && v.part(a.from) == v.part(target.from)) main = a;
        }
        return main;
    }

    /** True when s[from, to) is 的 with white space around it, if any. */
    private static boolean onlyDe(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        return to - from == 1 && s.charAt(from) == '的';
    }

    /** '[记录]<聊天记录>，并[存储]于(服务器)': an action with no object of its own takes the one before. */
    private void shareElidedObjects(ClauseView v, List<Act> acts, DataOf dataOf) {
        for (int i = 1; i < acts.size(); i++) {
            Act a = acts.get(i);
            if (!dataOf.get(a).isEmpty()) continue;
            Act before = acts.get(i - 1);
            if (before.group == a.group || dataOf.get(before).isEmpty() || v.part(before.from) == v.part(a.from)) continue;
            if (words.onlyFillers(v.unmarked(v.partStart(a.from), a.from))) dataOf.get(a).addAll(dataOf.get(before));
        }
    }

    // ---- actions -------------------------------------------------------------------------------

    private List<Act> actions(ClauseView v) {
        actionsCut = false;
        List<Act> acts = new ArrayList<>();
        int group = 0;
        Span previous = null;
        for (Span s : v.spans(MarkKind.ACTION)) {
            if (previous == null || !words.isConnective(v.text, previous.to(), s.from())
                    || v.markBetween(previous.to(), s.from())) {
                group++;
            }
            for (String verb : words.splitVerbs(s.mark().label())) {
                if (acts.size() == ExtractionBounds.ACTIONS_PER_CLAUSE) {
                    actionsCut = true;
                    return acts;
                }
                acts.add(new Act(s, s.from(), s.to(), verb, group));
            }
            previous = s;
        }
        return acts;
    }

    /** No action mark: the nearest lexicon verb before the first data item that has one (docs/annotating.md). */
    private Act inferredAct(ClauseView v, Span[] data) {
        List<Words.Verb> verbs = words.verbsIn(v);
        for (Span d : data) {
            Words.Verb best = null;
            for (Words.Verb verb : verbs) if (verb.to() <= d.from()) best = verb;
            if (best != null) return new Act(null, best.from(), best.to(), best.text(), 1);
        }
        return new Act(null, data[0].from(), data[0].from(), "", 1);
    }

    private ActionConcept concept(ClauseView v, Act a) {
        if (a.verb.isEmpty()) return ActionConcept.PROCESS;
        ActionConcept c = words.lexicon.actions().concept(a.verb);
        if (c == null) return ActionConcept.PROCESS;
        if (words.directional.contains(a.verb) && handsToOtherParty(v, a)) return ActionConcept.SHARE;
        if (words.directedDisclose.contains(a.verb) && handsToOtherParty(v, a)) return ActionConcept.DISCLOSE;
        return c;
    }

    /** 提供/提交 is a Share when the data goes to a party that is neither the first party nor the user. */
    private boolean handsToOtherParty(ClauseView v, Act a) {
        List<Party> after = partiesAfterVerb(v, a);
        if (!after.isEmpty()) return after.get(0).role() == Party.Role.THIRD_PARTY;
        int p = lastWordBefore(v, a, words.toward);
        if (p < 0) return false;
        String between = v.text.substring(p, a.from);
        for (Span e : v.spans(MarkKind.ENTITY)) {
            if (e.from() >= p && e.to() <= a.from) return classify(e.mark().label()).role() == Party.Role.THIRD_PARTY;
        }
        if (v.markBetween(p, a.from)) return false;
        return !partiesIn(between).isEmpty();
    }

    /** Where the data of an action mark goes: its own comma-part first, then the nearest action (docs/annotating.md). */
    private Act owningAct(ClauseView v, List<Act> acts, Span d) {
        int part = v.part(d.from());
        Act before = null;
        Act after = null;
        Act anyBefore = null;
        Act anyAfter = null;
        for (Act a : acts) {
            if (a.to <= d.from()) {
                anyBefore = a;
                if (v.part(a.from) == part) before = a;
            } else {
                if (anyAfter == null) anyAfter = a;
                if (after == null && v.part(a.from) == part) after = a;
            }
        }
        if (before != null) return before;
        if (after != null) return after;
        return anyBefore != null ? anyBefore : anyAfter;
    }

    // ---- parties -------------------------------------------------------------------------------

    Party classify(String label) {
        Party p = classified.get(label);
        if (p == null) {
            p = classifyAnew(label);
            classified.put(label, p);
        }
        return p;
    }

    private Party classifyAnew(String label) {
        String key = Labels.key(label);
        if (words.firstParty.contains(key) || aliasKeys.contains(key)) {
            return firstParty;
        }
        if (words.dataSubject.contains(key)) return dataSubject;
        String clean = words.cleanParty(label);
        if (words.isPlace(clean)) return new Party(Party.Role.PLACE, clean);
        if (words.firstParty.contains(clean)) return firstParty;
        return new Party(Party.Role.THIRD_PARTY, clean);
    }

    /**
     * Is the entity mark the subject of what follows, not the object of 向, 从, 与 …? The preposition
     * may stand a few words before it: 委托经本公司审核的(服务商).
     */
    private boolean standsAsSubject(ClauseView v, Span e) {
        int before = endOfWordBefore(v.text, e.from());
        if (words.subjectPrepositions.endingAt(v.text, before) != null) return true;
        if (words.objectMarkers.endingAt(v.text, before) != null) return false;
        int start = Math.max(v.partStart(e.from()), e.from() - 12);
        for (int i = e.from(); i > start; i--) {
            if (v.inMark(i - 1) || words.verbAt(v.text, i - 1) != null) return true;
            if (words.recipientPrepositions.endingAt(v.text, i) != null || words.entrustment.endingAt(v.text, i) != null
                    || words.collectSourcePrepositions.endingAt(v.text, i) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The latest subject before a position: an entity mark that is not the object of a preposition,
     * or the policy's side written without a mark ('我们才会[收集]'), which ends an earlier subject's reach.
     */
    private Party subjectBefore(ClauseView v, int pos, Party inherited) {
        Party found = null;
        int foundAt = -1;
        Span[] entities = v.spans(MarkKind.ENTITY);
        Party[] asSubject = subjects(v);
        for (int k = 0; k < entities.length && entities[k].to() <= pos; k++) {
            if (asSubject[k] != null) {
                found = asSubject[k];
                foundAt = entities[k].from();
            }
        }
        // any unmarked mention of the policy's side after the entity ends its reach
        ownerMentions(v);
        for (int k = 0; k < mentions; k++) {
            if (mentionStart[k] > foundAt && mentionEnd[k] <= pos) return firstParty;
        }
        return found != null ? found : inherited;
    }

    /**
     * For each entity mark of the clause, its party when it stands as a subject (not a place, not the
     * object of a preposition), else null. Found once per clause: every action asks, and the clause end.
     */
    private Party[] subjects(ClauseView v) {
        if (subjectsOf != v) {
            subjectsOf = v;
            Span[] entities = v.spans(MarkKind.ENTITY);
            subjects = new Party[entities.length];
            for (int k = 0; k < entities.length; k++) {
                Party p = classify(entities[k].mark().label());
                if (p.role() != Party.Role.PLACE && standsAsSubject(v, entities[k])) subjects[k] = p;
            }
        }
        return subjects;
    }

    /**
     * Where the clause names the policy's side without a mark as a subject: not inside a mark, not as
     * a possessive (我们的) and not after an object marker (将…). Found once per clause.
     */
    private void ownerMentions(ClauseView v) {
        if (mentionsOf == v) return;
        mentionsOf = v;
        mentions = 0;
        // one pass over the text finds every occurrence of every word (each word may occur in another)
        for (int at = words.firstParty.nextStart(v.text, 0); at >= 0; at = words.firstParty.nextStart(v.text, at + 1)) {
            String[] candidates = words.firstParty.startingAt(v.text, at);
            if (candidates == null) continue;
            for (String w : candidates) {
                if (!v.text.startsWith(w, at)) continue;
                if (v.inMark(at) || v.text.startsWith("的", at + w.length())) continue;
                if (words.objectMarkers.endingAt(v.text, endOfWordBefore(v.text, at)) != null) continue;
                if (mentions == mentionStart.length) {
                    mentionStart = java.util.Arrays.copyOf(mentionStart, mentions * 2);
                    mentionEnd = java.util.Arrays.copyOf(mentionEnd, mentions * 2);
                }
                mentionStart[mentions] = at;
                mentionEnd[mentions++] = at + w.length();
            }
        }
    }

    private Party lastSubject(ClauseView v, int pos, Party inherited) {
        return subjectBefore(v, pos, inherited);
    }

    /** Recipients of a Share/Disclose/Transfer/Process (docs/annotating.md). */
    private List<Party> recipients(ClauseView v, Act a) {
        List<Party> found = new ArrayList<>();
        for (Party after : partiesAfterVerb(v, a)) if (after.role() == Party.Role.THIRD_PARTY) found.add(after);
        int p = lastWordBefore(v, a, words.recipientPrepositions);
        if (p >= 0) found.addAll(partiesBetween(v, p, a.from));
        return distinctParties(found);
    }

    /**
     * Parties the action is entrusted to (PIPL art. 21): 委托(服务商)[处理], also with the object between,
     * 委托服务商对<语音指令>进行[转写].
     */
    private List<Party> entrusted(ClauseView v, Act a) {
        int start = v.partStart(a.from);
        for (int i = a.from; i > start; i--) {
            if (v.inMark(i - 1) || words.entrustment.endingAt(v.text, i) == null) continue;
            int end = a.from;
            for (Span s : v.spans) {
                if (s.from() < i || s.from() >= a.from) continue;
                if (s.kind() == MarkKind.ACTION) return List.of(); // 委托 belongs to an earlier action
                if (s.kind() != MarkKind.ENTITY) end = Math.min(end, s.from());
            }
            return partiesBetween(v, i, end);
        }
        return List.of();
    }

    /** Entity marks announced as the recipient anywhere in the clause: '接收方为(…)'. */
    private List<Party> announcedRecipients(ClauseView v) {
        List<Party> found = new ArrayList<>();
        for (Span e : v.spans(MarkKind.ENTITY)) {
            String before = v.text.substring(v.partStart(e.from()), e.from()).strip();
            if (words.recipientCues.endingAt(before, before.length()) != null) {
                Party p = classify(e.mark().label());
                if (p.role() == Party.Role.THIRD_PARTY) found.add(p);
            }
        }
        return found;
    }

    /** A 提供 with no target of its own, by the policy's side, right after a flow to a named party. */
    private boolean continuesFlow(ClauseView v, Act a, Party subject) {
        if (subject != null && subject.role() != Party.Role.FIRST_PARTY) return false;
        String before = v.unmarked(v.partStart(a.from), a.from);
        return !words.dataSubject.occursIn(before) && !before.contains("向");
    }

    /** Sources of a Collect-family action (docs/annotating.md); 向 marks a source too, except for 提供 (向我们提供). */
    private List<Party> sources(ClauseView v, Act a, ActionConcept concept) {
        WordList prepositions = concept == ActionConcept.PROVIDE ? words.sourcePrepositions : words.collectSourcePrepositions;
        int p = lastWordBefore(v, a, prepositions);
        return p < 0 ? List.of() : distinctParties(partiesBetween(v, p, a.from));
    }

    /**
     * Position just after the last preposition in the action's comma-part, or -1. The phrase after it
     * must not hold another action mark or data item before the action.
     */
    private int lastWordBefore(ClauseView v, Act a, WordList prepositions) {
        int start = v.partStart(a.from);
        for (int i = a.from; i > start; i--) {
            if (v.inMark(i - 1)) continue;
            String w = prepositions.endingAt(v.text, i);
            if (w == null) continue;
            for (Span s : v.spans) {
                if (s.from() >= i && s.to() <= a.from && (s.kind() == MarkKind.ACTION || s.kind() == MarkKind.DATA)) return -1;
            }
            return i;
        }
        return -1;
    }

    /** Third parties named between a preposition and the verb: entity marks, else the written phrase. */
    private List<Party> partiesBetween(ClauseView v, int from, int to) {
        List<Party> marked = new ArrayList<>();
        boolean anyEntity = false;
        for (Span e : v.spans(MarkKind.ENTITY)) {
            if (e.from() >= from && e.to() <= to) {
                anyEntity = true;
                Party p = classify(e.mark().label());
                if (p.role() == Party.Role.THIRD_PARTY) marked.add(p);
            }
        }
        if (anyEntity) return marked;
        String phrase = v.unmarked(from, to).strip();
        if (words.partyPronouns.contains(phrase)) {
            // '由(安途)提供，…本公司会向其[发送]…': the party just named, in this clause or the paragraph
            Party named = null;
            for (Span e : v.spans(MarkKind.ENTITY)) {
                Party p = classify(e.mark().label());
                if (e.to() <= from && p.role() == Party.Role.THIRD_PARTY) named = p;
            }
            if (named == null && lastNamedParagraph == v.clause.paragraph()) named = lastNamed;
            return named == null ? List.of() : List.of(named);
        }
        return partiesIn(phrase);
    }

    /** The parties an action hands data to after the verb: [提供]给(A)及(B), [传输]至…, or an entity right after. */
    private List<Party> partiesAfterVerb(ClauseView v, Act a) {
        int i = a.to;
        while (i < v.text.length() && Character.isWhitespace(v.text.charAt(i))) i++;
        String to = v.inMark(i) ? null : words.shareAfterVerb.at(v.text, i);
        int j = to == null ? i : i + to.length();
        while (j < v.text.length() && Character.isWhitespace(v.text.charAt(j))) j++;
        int end = j;
        while (end < v.text.length() && (v.inMark(end) || "，,。；;：:".indexOf(v.text.charAt(end)) < 0)) end++;
        List<Party> marked = new ArrayList<>();
        int reach = j;
        for (Span e : v.spans) {
            if (e.from() < j || e.from() >= end) continue;
            boolean joined = e.from() == reach || (to != null && (reach == j ? !v.markBetween(j, e.from())
                    : words.isConnective(v.text, reach, e.from())));
            if (e.kind() != MarkKind.ENTITY || !joined) break;
            Party p = classify(e.mark().label());
            if (p.role() != Party.Role.PLACE) marked.add(p);
            reach = e.to();
        }
        if (!marked.isEmpty() || to == null) return marked;
        int phraseStart = j;
        for (Span sp : v.spans) if (sp.from() >= phraseStart && sp.from() < end) end = sp.from();
        String phrase = v.text.substring(j, end);
        for (String stop : cues.phraseEnders()) {
            int k = phrase.indexOf(stop);
            if (k > 0) phrase = phrase.substring(0, k);
        }
        return partiesIn(phrase);
    }

    /** A verb at k that is not the modifier of a party noun (识别 in 语音识别服务商, 存储 in 存储服务商). */
    private boolean isVerbHere(String phrase, int k) {
        String verb = words.verbAt(phrase, k);
        return verb != null && words.thirdParty.at(phrase, k + verb.length()) == null;
    }

    private static final java.util.regex.Pattern ITEM_SEPARATOR = java.util.regex.Pattern.compile("、|以及|或者|和|及|或|/");

    /** Where text[0, pos) ends once trailing white space is left off: what {@code stripTrailing} keeps. */
    private static int endOfWordBefore(String text, int pos) {
        while (pos > 0 && Character.isWhitespace(text.charAt(pos - 1))) pos--;
        return pos;
    }

    /** Parties written in a phrase: 'A、B等' gives A and B when each names a party (docs/annotating.md). */
    List<Party> partiesIn(String phrase) {
        String head = phrase;
        boolean[] partyWord = words.partyWordCover(phrase);
        for (int k = 0; k < head.length(); k++) {
            if ("，,。；;：:".indexOf(head.charAt(k)) >= 0 || (k > 0 && !partyWord[k] && isVerbHere(head, k))) {
                head = head.substring(0, k);
                break;
            }
        }
        List<Party> found = new ArrayList<>();
        for (String item : ITEM_SEPARATOR.split(head)) {
            int end = words.lastPartyWordEnd(item);
            if (end < 0) continue;
            String label = words.cleanParty(item.substring(0, end));
            if (label.isEmpty()) continue;
            Party p = classify(label);
            if (p.role() == Party.Role.THIRD_PARTY) found.add(p);
        }
        return found;
    }

    /** A place belongs to the nearest action before it, else the first after (docs/annotating.md). */
    private List<Party> placesFor(ClauseView v, List<Act> acts, Act a, List<Party> places) {
        if (places.isEmpty()) return List.of();
        List<Party> mine = new ArrayList<>();
        for (Span e : v.spans(MarkKind.ENTITY)) {
            Party p = classify(e.mark().label());
            if (p.role() != Party.Role.PLACE) continue;
            Act owner = null;
            for (Act x : acts) if (x.to <= e.from()) owner = x;
            if (owner == null) owner = acts.get(0);
            if (owner.group == a.group) mine.add(p);
        }
        return distinctParties(mine);
    }

    /** The labels, the first of each key kept, in order. */
    private static List<String> distinct(List<String> labels) {
        return firstOfEach(labels, Labels::key);
    }

    private static List<Party> concat(List<Party> a, List<Party> b) {
        List<Party> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** What makes two parties one: their role and key. */
    private record PartyIdentity(Party.Role role, String key) {
    }

    /** The parties, the first of each role and key kept, in order. */
    private static List<Party> distinctParties(List<Party> ps) {
        return firstOfEach(ps, p -> new PartyIdentity(p.role(), p.key()));
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
