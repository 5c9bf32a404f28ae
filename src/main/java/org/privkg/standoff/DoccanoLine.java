package org.privkg.standoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;

/**
 * One line of a doccano JSONL export: {@code {"text": ..., "label": [[START, END, "LABEL"], ...]}},
 * offsets in code points. doccano records no text per span, so only the offsets are checked.
 */
public final class DoccanoLine {
    private DoccanoLine() {
    }

    public static Optional<Standoff> read(String line, String file, long lineNo, Diagnostics d) {
        Optional<JsonNode> parsed = Json.parse(line, file, lineNo, d);
        if (parsed.isEmpty()) return Optional.empty();
        JsonNode root = parsed.get();
        if (!root.path("text").isTextual()) {
            Json.shape(d, file, lineNo, "a doccano line is {\"text\": ..., \"label\": [[START, END, \"LABEL\"], ...]}; this one has no \"text\"");
            return Optional.empty();
        }
        List<Span> spans = new ArrayList<>();
        JsonNode labels = root.path("label");
        for (int k = 0; k < labels.size(); k++) {
            JsonNode l = labels.get(k);
            Integer start = Json.integer(l.get(0));
            Integer end = Json.integer(l.get(1));
            if (!l.isArray() || l.size() != 3 || start == null || end == null || !l.get(2).isTextual()) {
                Json.shape(d, file, lineNo, "label " + (k + 1) + " is " + l + "; a label is [START, END, \"LABEL\"]");
                return Optional.empty();
            }
            spans.add(new Span("label " + (k + 1), l.get(2).asText(), start, end, null, lineNo));
        }
        return Optional.of(new Standoff(root.get("text").asText(), List.copyOf(spans), file));
    }

    /** The policy id a line gives with its "id" field, or empty when it has none (or is no JSON). */
    public static Optional<String> id(String line) {
        try {
            JsonNode id = Json.MAPPER.readTree(line).path("id");
            return id.isTextual() || id.isIntegralNumber() ? Optional.of(id.asText()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
