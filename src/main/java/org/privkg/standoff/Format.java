package org.privkg.standoff;

import java.util.Locale;
import java.util.Optional;

/** The ways a policy's annotations can be written: inline marks, or one of the standoff formats. */
public enum Format {
    /** Inline marks in the text (README, "Writing a policy"). */
    MARKS,
    /** brat: NAME.txt with NAME.ann beside it. */
    BRAT,
    /** doccano JSONL: one policy per line. */
    DOCCANO,
    /** A Label Studio JSON export: an array of tasks. */
    LABELSTUDIO,
    /** The CA4P-483 release: annotation_data/NNNN.json over raw_data/NNNN.html. */
    CA4P;

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> named(String name) {
        for (Format f : values()) if (f.option().equalsIgnoreCase(name)) return Optional.of(f);
        return Optional.empty();
    }

    public static final String NAMES = "marks, brat, doccano, labelstudio or ca4p";
}
