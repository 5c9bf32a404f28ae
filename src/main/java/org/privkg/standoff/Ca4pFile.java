package org.privkg.standoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;

/**
 * A policy of the CA4P-483 release: {@code annotation_data/NNNN.json}, an array of records with
 * {@code classId}, {@code text}, {@code start} and {@code end}, over the text of
 * {@code raw_data/NNNN.html} (see {@link PreText}). A record whose classId is empty is a sentence,
 * not a span, and is passed over.
 */
public final class Ca4pFile {
    /** The release's class ids and the label names the label map knows them by. */
    static final Map<String, String> CLASSES = Map.of("e_21", "data", "e_22", "collect", "e_23", "share",
            "e_24", "handler", "e_25", "condition", "e_26", "subject", "e_27", "purpose");

    private Ca4pFile() {
    }

    public static Optional<Standoff> read(String json, String jsonFile, String html, String htmlFile, Diagnostics d) {
        Optional<String> text = PreText.extract(html, htmlFile, d);
        Optional<JsonNode> parsed = Json.parse(json, jsonFile, 1, d);
        if (text.isEmpty() || parsed.isEmpty()) return Optional.empty();
        JsonNode records = parsed.get();
        if (!records.isArray()) {
            Json.shape(d, jsonFile, 1, "a CA4P annotation file is a JSON array of records with classId, text, start and end");
            return Optional.empty();
        }
        List<Span> spans = new ArrayList<>();
        for (int k = 0; k < records.size(); k++) {
            JsonNode r = records.get(k);
            String classId = r.path("classId").asText("");
            if (classId.isEmpty()) continue;
            Integer start = Json.integer(r.get("start"));
            Integer end = Json.integer(r.get("end"));
            if (start == null || end == null) {
                Json.shape(d, jsonFile, 0, "record " + (k + 1) + " (" + classId + ") has no integer start and end");
                return Optional.empty();
            }
            String label = CLASSES.getOrDefault(classId, classId);
            spans.add(new Span("record " + (k + 1), label, start, end,
                    r.path("text").isTextual() ? r.get("text").asText() : null, 0));
        }
        return Optional.of(new Standoff(text.get(), List.copyOf(spans), jsonFile));
    }
}
