package org.privkg.cli;

import org.privkg.rdf.RdfFormat;

/** Format names given on the command line. */
final class Formats {
    private Formats() {
    }

    static RdfFormat rdf(String name) {
        try {
            return RdfFormat.of(name);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
    }
}
