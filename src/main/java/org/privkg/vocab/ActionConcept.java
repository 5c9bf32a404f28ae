package org.privkg.vocab;

/** The action concepts of the ontology (ontology/privkg.ttl) with their place in the hierarchy; the ontology states the same. */
public enum ActionConcept {
    PROCESS("Process", null),
    COLLECT("Collect", PROCESS),
    PROVIDE("Provide", COLLECT),
    OBTAIN("Obtain", COLLECT),
    RECORD("Record", COLLECT),
    STORE("Store", PROCESS),
    USE("Use", PROCESS),
    LINK("Link", PROCESS),
    DISCLOSE("Disclose", PROCESS),
    SHARE("Share", DISCLOSE),
    TRANSFER("Transfer", DISCLOSE),
    DELETE("Delete", PROCESS);

    public final String localName;
    public final ActionConcept broader;

    ActionConcept(String localName, ActionConcept broader) {
        this.localName = localName;
        this.broader = broader;
    }

    public static ActionConcept byName(String localName) {
        for (ActionConcept a : values()) if (a.localName.equals(localName)) return a;
        throw new IllegalArgumentException("unknown action concept: " + localName);
    }

    public boolean isA(ActionConcept other) {
        for (ActionConcept a = this; a != null; a = a.broader) if (a == other) return true;
        return false;
    }

    /** Actions whose data goes to another party, so a recipient can be named. */
    public boolean sendsData() {
        return isA(DISCLOSE) || this == PROCESS;
    }

    /** Actions whose data comes from somewhere, so a source can be named. */
    public boolean receivesData() {
        return isA(COLLECT);
    }
}
