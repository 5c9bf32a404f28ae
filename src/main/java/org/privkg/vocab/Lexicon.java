package org.privkg.vocab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The word lists the extractor reads (ontology/lexicon/*.json), loaded once. */
public record Lexicon(Actions actions, Parties parties, Cues cues, Lists lists, Regions regions) {

    /** How a data mark that enumerates items is split into them (lists.json). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lists(List<String> separators, List<String> connectives, List<String> notConnectives,
                        List<String> deHeads, List<String> trailingEtc, List<String> headNouns,
                        List<String> completeItems, List<String> parenthesisOpeners) {
    }

    /** Words and places outside mainland China, for cross-border practices (regions.json). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Regions(List<String> abroadWords, List<String> regions, List<String> notAbroad) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actions(Map<String, String> verbs, List<String> directional, List<String> directedDisclose,
                          List<String> shareAfterVerb, List<String> separators, Map<String, String> markedVerbs) {
        public Actions {
            markedVerbs = markedVerbs == null ? Map.of() : markedVerbs;
        }

        /** Verbs longest first, so that 公开披露 wins over 公开. */
        public List<String> verbsLongestFirst() {
            return verbs.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        /** The concept a verb in an action mark names: a verb of {@code verbs}, or one that is a verb only when marked. */
        public ActionConcept concept(String verb) {
            String name = verbs.getOrDefault(verb, markedVerbs.get(verb));
            return name == null ? null : ActionConcept.byName(name);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parties(List<String> firstParty, List<String> dataSubject, List<String> places,
                          List<String> thirdPartyWords, List<String> determiners, List<String> possessives,
                          List<String> localizers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cues(List<String> connectives, List<String> negation, List<String> notNegation,
                       List<String> negationBlockers, List<String> consent, List<String> separateConsent,
                       List<String> consentCancellers, String sensitivity, String anaphora, String modifierVerb,
                       String exampleStart, String listIntroduction, List<String> exampleOpeners, List<String> etc,
                       List<String> listBackstops, List<String> subjectPrepositions,
                       List<String> recipientPrepositions, List<String> sourcePrepositions,
                       List<String> objectMarkers, List<String> phraseEnders,
                       List<String> recipientCues, List<String> entrustment, List<String> sourceOfCollect,
                       String adverbialFrame, List<String> inlineListOpeners, List<String> ellipsisFillers,
                       List<String> partyPronouns, String consentCondition, String exceptionIntroduction,
                       String listItem) {
        public Pattern sensitivityPattern() {
            return Pattern.compile(sensitivity);
        }
    }

    /** The lexicon shipped with privkg, read once. */
    public static Lexicon bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final Lexicon INSTANCE = new Lexicon(read("actions.json", Actions.class), read("parties.json", Parties.class), read("cues.json", Cues.class),
                read("lists.json", Lists.class), read("regions.json", Regions.class));
    }

    private static <T> T read(String name, Class<T> type) {
        return LexiconFiles.read(name, type);
    }
}
