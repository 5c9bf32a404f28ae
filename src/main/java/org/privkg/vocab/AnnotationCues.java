package org.privkg.vocab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the pre-annotator reads beyond the extractor's lexicon (ontology/lexicon/annotate.json), loaded once. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnotationCues(List<String> purposeOpeners, List<String> partStartOpeners, List<String> notAfterOpener,
                             List<String> purposeTrailers, List<String> temporalEnders, List<String> dataWords,
                             List<String> itemSeparators, List<String> etc, String possessive, List<String> anaphora,
                             List<String> listOpeners, List<String> objectStops, String partyStops,
                             int partyMaxPrefix, int itemMaxLength, String verbPreceders,
                             List<String> questionWords, List<String> notEntities, List<String> listContinuers,
                             List<String> nounVerbs, List<String> userVerbs, List<String> placeMarkers,
                             List<String> topicEnders, List<String> partyNameStops, List<String> verbNounTails,
                             List<String> refusals, List<String> verbHolders, List<String> notSeparators,
                             List<String> memberEnders, List<String> consentGetters, List<String> verbComplements) {

    /** The cues of dpv-data.json's rules: words that name personal data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataRules(List<DataRule> rules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataRule(List<String> cues) {
    }

    public static AnnotationCues bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Words whose presence makes a phrase a data item: this file's dataWords, the head nouns and
     * complete items of lists.json, and every cue of dpv-data.json.
     */
    public static Set<String> dataCueWords() {
        return Bundled.DATA_WORDS;
    }

    private static final class Bundled {
        static final AnnotationCues INSTANCE = LexiconFiles.read("annotate.json", AnnotationCues.class);
        static final Set<String> DATA_WORDS = dataWords();

        private static Set<String> dataWords() {
            List<String> all = new ArrayList<>(INSTANCE.dataWords());
            Lexicon.Lists lists = Lexicon.bundled().lists();
            all.addAll(lists.headNouns());
            all.addAll(lists.completeItems());
            for (DataRule r : LexiconFiles.read("dpv-data.json", DataRules.class).rules()) {
                if (r.cues() != null) all.addAll(r.cues());
            }
            return Set.copyOf(new LinkedHashSet<>(all));
        }
    }
}
