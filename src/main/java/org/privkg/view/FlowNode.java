package org.privkg.view;

import org.privkg.vocab.PK;

/** A node a practice names, as the diagram shows it: its IRI, what it is, and its Chinese label. */
public record FlowNode(String iri, Kind kind, String label) {
    public enum Kind {
        USER, FIRST_PARTY, THIRD_PARTY, PLACE, DATA, PURPOSE;

        static Kind ofType(String typeIri) {
            if (typeIri == null) return THIRD_PARTY;
            String local = typeIri.startsWith(PK.NS) ? typeIri.substring(PK.NS.length()) : typeIri;
            return switch (local) {
                case "DataSubject" -> USER;
                case "FirstParty" -> FIRST_PARTY;
                case "StorageLocation" -> PLACE;
                case "DataType" -> DATA;
                case "Purpose" -> PURPOSE;
                default -> THIRD_PARTY;
            };
        }
    }

    /** The label, or the IRI's last segment when the graph gives none. */
    public String name() {
        if (label != null && !label.isBlank()) return label;
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
