package org.privkg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the dataset is and which base its instance IRIs use. */
final class StoreOptions {
    @Option(names = {"--db", "--loc"}, paramLabel = "DIR", description = "TDB2 dataset directory (default: $PRIVKG_DB, else ./privkg-db); --loc is Jena's name for it.")
    Path db;

    @Option(names = "--base", paramLabel = "IRI", description = "Base of instance IRIs (default: https://w3id.org/privkg/id/).")
    String base;

    Path db() {
        if (db != null) return db;
        String env = System.getenv("PRIVKG_DB");
        return Path.of(env != null && !env.isBlank() ? env : "privkg-db");
    }
}
