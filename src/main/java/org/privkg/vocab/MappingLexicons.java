package org.privkg.vocab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The mapping lexicons (ontology/lexicon/dpv-data.json, dpv-purposes.json, pipl.json): cue words and
 * patterns that align data items and purposes to W3C DPV concepts and data items to the PIPL art. 28
 * categories of sensitive personal information. Data, not code: see each file's _comment.
 */
public record MappingLexicons(DataLexicon data, PurposeLexicon purposes, PiplLexicon pipl) {

    /** One rule: the concept it gives and when it applies. Missing lists are empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String concept, int specificity, List<String> cues, List<String> patterns, List<String> unless,
                       List<String> droppedBy, boolean fallback) {
        public Rule {
            cues = cues == null ? List.of() : List.copyOf(cues);
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            unless = unless == null ? List.of() : List.copyOf(unless);
            droppedBy = droppedBy == null ? List.of() : List.copyOf(droppedBy);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataLexicon(List<String> noMatch, List<Rule> rules) {
        public DataLexicon {
            noMatch = noMatch == null ? List.of() : List.copyOf(noMatch);
            rules = List.copyOf(rules);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PurposeLexicon(List<String> context, List<Rule> rules) {
        public PurposeLexicon {
            context = context == null ? List.of() : List.copyOf(context);
            rules = List.copyOf(rules);
        }
    }

    /** A PIPL art. 28 category (the local name of a pk: concept) and its cues. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String category, List<String> cues, List<String> unless) {
        public Category {
            cues = cues == null ? List.of() : List.copyOf(cues);
            unless = unless == null ? List.of() : List.copyOf(unless);
        }
    }

    /** Clause-level PIPL cues: cross-border provision (art. 38) and announced entrusted parties (art. 21). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClauseCues(List<String> crossBorder, List<String> notCrossBorder, List<String> entrustedAnnouncements) {
        public ClauseCues {
            crossBorder = crossBorder == null ? List.of() : List.copyOf(crossBorder);
            notCrossBorder = notCrossBorder == null ? List.of() : List.copyOf(notCrossBorder);
            entrustedAnnouncements = entrustedAnnouncements == null ? List.of() : List.copyOf(entrustedAnnouncements);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PiplLexicon(ClauseCues clauseCues, List<Category> categories) {
        public PiplLexicon {
            clauseCues = clauseCues == null ? new ClauseCues(null, null, null) : clauseCues;
            categories = List.copyOf(categories);
        }
    }

    /** The lexicon shipped with privkg, read once. */
    public static MappingLexicons bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final MappingLexicons INSTANCE = new MappingLexicons(read("dpv-data.json", DataLexicon.class), read("dpv-purposes.json", PurposeLexicon.class),
                read("pipl.json", PiplLexicon.class));
    }

    private static <T> T read(String name, Class<T> type) {
        return LexiconFiles.read(name, type);
    }
}
