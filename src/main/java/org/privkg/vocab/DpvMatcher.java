package org.privkg.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Aligns data items and purposes to W3C DPV concepts through the mapping lexicons
 * (ontology/lexicon/dpv-data.json and dpv-purposes.json).
 *
 * <p>A data item gets at most one concept, the most specific match: the rule of highest specificity, then
 * the cue that ends last in the label (the head of a Chinese noun phrase comes last: 交易IP地址 is an IP
 * address), then the longest cue, then the rule listed first. A label that is too generic (个人信息) or
 * only points at other data (上述信息) gets none. A purpose gets every concept whose cue occurs in it, in
 * text order, minus those made redundant by a more specific one; the service-provision fallback counts only
 * when nothing else matched.
 */
public final class DpvMatcher {
    /** A concept a label matched, and the cue that matched. */
    public record Match(String iri, String curie, String cue) {
    }

    private record Compiled(MappingLexicons.Rule rule, int order, String iri, CueSet cues, Set<String> droppedBy) {
    }

    private record Candidate(Compiled rule, CueSet.Hit hit) {
    }

    private static volatile DpvMatcher bundled;

    /**
     * Answers by label: both are functions of the label, labels recur across policies, and matching one
     * against every cue costs more than extracting it. Bounded, so memory stays flat on a long load.
     */
    private final LabelMemo<Optional<Match>> dataByLabel = new LabelMemo<>(this::matchData);
    private final LabelMemo<List<Match>> purposesByLabel = new LabelMemo<>(this::matchPurpose);

    private final List<Pattern> noMatch;
    private final List<Pattern> context;
    private final List<Compiled> dataRules;
    private final List<Compiled> purposeRules;

    public DpvMatcher(MappingLexicons lexicons) {
        this.noMatch = lexicons.data().noMatch().stream().map(Pattern::compile).toList();
        this.dataRules = compile(lexicons.data().rules());
        this.purposeRules = compile(lexicons.purposes().rules());
        this.context = lexicons.purposes().context().stream().map(Pattern::compile).toList();
    }

    public static DpvMatcher bundled() {
        DpvMatcher m = bundled;
        if (m == null) {
            synchronized (DpvMatcher.class) {
                if (bundled == null) bundled = new DpvMatcher(MappingLexicons.bundled());
                m = bundled;
            }
        }
        return m;
    }

    private static List<Compiled> compile(List<MappingLexicons.Rule> rules) {
        List<Compiled> out = new ArrayList<>();
        for (MappingLexicons.Rule r : rules) {
            Set<String> dropped = new LinkedHashSet<>();
            for (String d : r.droppedBy()) dropped.add(DPV.expand(d));
            out.add(new Compiled(r, out.size(), DPV.expand(r.concept()), new CueSet(r.cues(), r.patterns(), r.unless()), dropped));
        }
        return List.copyOf(out);
    }

    /** The DPV personal-data concept of a data item's label, if the lexicon knows one. */
    public Optional<Match> dataConcept(String label) {
        return dataByLabel.get(label);
    }

    private Optional<Match> matchData(String label) {
        String key = CueSet.normalise(label);
        if (key.isEmpty() || noMatch.stream().anyMatch(p -> p.matcher(key).find())) return Optional.empty();
        Candidate best = null;
        for (Compiled r : dataRules) {
            for (CueSet.Hit h : r.cues.find(key)) {
                Candidate c = new Candidate(r, h);
                if (best == null || MOST_SPECIFIC.compare(c, best) < 0) best = c;
            }
        }
        return best == null ? Optional.empty() : Optional.of(match(best));
    }

    /** Orders candidates best first: specificity, then the head (the cue ending last), then length, then rule order. */
    private static final Comparator<Candidate> MOST_SPECIFIC = Comparator
            .comparingInt((Candidate c) -> -c.rule.rule.specificity())
            .thenComparingInt(c -> -c.hit.to())
            .thenComparingInt(c -> -c.hit.length())
            .thenComparingInt(c -> c.rule.order);

    /** The DPV purpose concepts of a purpose's label, in the order their cues occur; empty when none. */
    public List<Match> purposeConcepts(String label) {
        return purposesByLabel.get(label);
    }

    private List<Match> matchPurpose(String label) {
        String key = CueSet.normalise(label);
        int contextEnd = 0;
        for (Pattern p : context) {
            java.util.regex.Matcher m = p.matcher(key);
            if (m.find() && m.start() == 0) contextEnd = Math.max(contextEnd, m.end());
        }
        List<Candidate> found = candidates(key, contextEnd);
        if (found.isEmpty() && contextEnd > 0) found = candidates(key, 0);
        boolean specific = found.stream().anyMatch(c -> !c.rule.rule.fallback());
        List<Candidate> kept = found.stream().filter(c -> !specific || !c.rule.rule.fallback()).toList();
        Set<String> concepts = new LinkedHashSet<>();
        for (Candidate c : kept) concepts.add(c.rule.iri);
        List<Match> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        kept.stream().sorted(Comparator.comparingInt((Candidate c) -> c.hit.from()).thenComparingInt(c -> c.rule.order))
                .forEach(c -> {
                    if (c.rule.droppedBy.stream().anyMatch(concepts::contains)) return;
                    if (seen.add(c.rule.iri)) out.add(match(c));
                });
        return List.copyOf(out);
    }

    /** The first hit of each purpose rule that starts at or after {@code from}. */
    private List<Candidate> candidates(String key, int from) {
        List<Candidate> found = new ArrayList<>();
        for (Compiled r : purposeRules) {
            r.cues.find(key).stream().filter(h -> h.from() >= from).min(Comparator.comparingInt(CueSet.Hit::from))
                    .ifPresent(h -> found.add(new Candidate(r, h)));
        }
        return found;
    }

    private static Match match(Candidate c) {
        return new Match(c.rule.iri, c.rule.rule.concept(), c.hit.cue());
    }

    /** Every concept the lexicons can give, as IRIs (the tests check each exists in DPV). */
    public Set<String> concepts() {
        Set<String> all = new LinkedHashSet<>();
        for (Compiled r : dataRules) all.add(r.iri);
        for (Compiled r : purposeRules) {
            all.add(r.iri);
            all.addAll(r.droppedBy);
        }
        return all;
    }
}
