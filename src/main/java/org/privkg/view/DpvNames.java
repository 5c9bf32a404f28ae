package org.privkg.view;

/** Short names for DPV concept IRIs, as the DPV documentation writes them (dpv:Marketing, pd:EmailAddress). */
final class DpvNames {
    private DpvNames() {
    }

    static String compact(String iri) {
        if (iri.startsWith("https://w3id.org/dpv/pd#")) return "pd:" + iri.substring("https://w3id.org/dpv/pd#".length());
        if (iri.startsWith("https://w3id.org/dpv#")) return "dpv:" + iri.substring("https://w3id.org/dpv#".length());
        return iri;
    }
}
