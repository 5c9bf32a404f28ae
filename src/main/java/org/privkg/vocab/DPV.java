package org.privkg.vocab;

/** W3C Data Privacy Vocabulary (DPV 2.3) namespaces, and CURIEs in the mapping lexicons. */
public final class DPV {
    private DPV() {
    }

    public static final String NS = "https://w3id.org/dpv#";
    public static final String PD = "https://w3id.org/dpv/pd#";

    /** Expands dpv:X or pd:X to an IRI; anything else is a mistake in a lexicon. */
    public static String expand(String curie) {
        if (curie == null) throw new IllegalArgumentException("missing DPV concept");
        if (curie.startsWith("dpv:")) return NS + local(curie, 4);
        if (curie.startsWith("pd:")) return PD + local(curie, 3);
        throw new IllegalArgumentException("not a dpv: or pd: concept: '" + curie + "'");
    }

    private static String local(String curie, int from) {
        String local = curie.substring(from);
        if (!local.matches("[A-Za-z][A-Za-z0-9]*")) throw new IllegalArgumentException("bad DPV concept name: '" + curie + "'");
        return local;
    }
}
