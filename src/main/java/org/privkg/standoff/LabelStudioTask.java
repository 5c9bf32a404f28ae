package org.privkg.standoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.Severity;

/**
 * One task of a Label Studio JSON export: {@code data.text} and the spans of its first annotation
 * ({@code annotations[0].result[]} of type labels, {@code value.start/end/text/labels}). Label Studio
 * counts offsets in UTF-16 code units, as JavaScript does; they become code points here, so a
 * character outside the BMP counts one, as everywhere else in privkg.
 */
public final class LabelStudioTask {
    private LabelStudioTask() {
    }

    /** A task, or an export of one task, as JSON text. */
    public static Optional<Standoff> read(String json, String file, Diagnostics d) {
        Optional<JsonNode> parsed = Json.parse(json, file, 1, d);
        if (parsed.isEmpty()) return Optional.empty();
        JsonNode task = parsed.get().isArray() && parsed.get().size() == 1 ? parsed.get().get(0) : parsed.get();
        if (!task.isObject()) {
            Json.shape(d, file, 1, "a Label Studio export is a JSON array of tasks, each with data.text and annotations");
            return Optional.empty();
        }
        return read(task, file, d);
    }

    /**
     * The tasks of an export, each with the policy id it gives (its data.id, else the file's name,
     * with the task's id after a '-' when the export has more than one), or empty when the export is
     * not a JSON array of objects: then it is read whole, to be named as bad.
     */
    public static Optional<List<Map.Entry<String, String>>> tasks(String json, String fileStem) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isArray()) return Optional.empty();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int k = 0; k < root.size(); k++) {
            JsonNode task = root.get(k);
            if (!task.isObject()) return Optional.empty();
            JsonNode own = task.path("data").path("id");
            String id = own.isTextual() || own.isIntegralNumber() ? own.asText()
                    : root.size() == 1 ? fileStem : fileStem + "-" + task.path("id").asText(String.valueOf(k + 1));
            out.add(Map.entry(id, task.toString()));
        }
        return Optional.of(out);
    }

    static Optional<Standoff> read(JsonNode task, String file, Diagnostics d) {
        JsonNode text = task.path("data").path("text");
        if (!text.isTextual()) {
            Json.shape(d, file, 0, "a Label Studio task has its text in data.text; this one has none");
            return Optional.empty();
        }
        String t = text.asText();
        JsonNode annotations = task.path("annotations");
        if (annotations.size() > 1) {
            d.report(Severity.WARNING, file, "the task has " + annotations.size()
                    + " annotations; the first is read, the others are left out", 0, 0);
        }
        List<Span> spans = new ArrayList<>();
        JsonNode result = annotations.path(0).path("result");
        for (int k = 0; k < result.size(); k++) {
            JsonNode r = result.get(k);
            JsonNode value = r.path("value");
            if (!value.has("labels")) continue; // relations and choices are no spans
            String id = r.path("id").asText("result " + (k + 1));
            Integer start = Json.integer(value.get("start"));
            Integer end = Json.integer(value.get("end"));
            if (start == null || end == null) {
                Json.shape(d, file, 0, "span " + id + " has no integer value.start and value.end");
                return Optional.empty();
            }
            String recorded = value.path("text").isTextual() ? value.get("text").asText() : null;
            for (JsonNode label : value.get("labels")) {
                spans.add(new Span(id, label.asText(), codePoints(t, start), codePoints(t, end), recorded, 0));
            }
        }
        return Optional.of(new Standoff(t, List.copyOf(spans), file));
    }

    /**
     * The code-point offset of a UTF-16 offset; one outside the text is kept outside (the check says
     * so), and one between the halves of a surrogate pair gives -1, which the check names as outside.
     */
    static int codePoints(String text, int utf16) {
        if (utf16 < 0 || utf16 > text.length()) return utf16 < 0 ? utf16 : utf16 - text.length() + text.codePointCount(0, text.length());
        if (utf16 > 0 && utf16 < text.length() && Character.isLowSurrogate(text.charAt(utf16))
                && Character.isHighSurrogate(text.charAt(utf16 - 1))) {
            return -1;
        }
        return text.codePointCount(0, utf16);
    }
}
