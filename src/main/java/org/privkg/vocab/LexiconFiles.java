package org.privkg.vocab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the lexicon files shipped in the jar ({@code ontology/lexicon/*.json}) into their records. */
final class LexiconFiles {
    private static final String BASE = "/privkg/ontology/lexicon/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LexiconFiles() {
    }

    static <T> T read(String name, Class<T> type) {
        try (InputStream in = LexiconFiles.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("lexicon missing from the build: " + BASE + name);
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + name + ": " + e.getMessage(), e);
        }
    }
}
