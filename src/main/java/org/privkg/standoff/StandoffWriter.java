package org.privkg.standoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;

/**
 * Writes plain text and its marks as the annotation tools read them: a brat {@code .ann} (the text
 * goes to {@code .txt} as it is) or a doccano JSONL line, offsets in code points, labels {@code data},
 * {@code action}, {@code entity} and {@code purpose}, which the default {@link LabelMap} reads back.
 */
public final class StandoffWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StandoffWriter() {
    }

    public static String label(MarkKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** brat text-bound lines, T1, T2, … in reading order; a line end in a span's text written as a space, as brat does. */
    public static String brat(String text, List<MarkSpan> marks) {
        CodePoints cps = new CodePoints(text);
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (MarkSpan m : marks) {
            String held = cps.substring(m.start(), m.end()).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
            out.append('T').append(++n).append('\t').append(label(m.kind())).append(' ').append(m.start()).append(' ')
                    .append(m.end()).append('\t').append(held).append('\n');
        }
        return out.toString();
    }

    /**
     * A Label Studio import of one task whose spans are a prediction for review: {"data": {"id", "text"},
     * "predictions": [{"model_version", "score", "result": [{"type": "labels", "score", "value": {start, end,
     * text, labels}}]}]}, from_name "label" and to_name "text" as in Label Studio's NER set-up. Offsets are
     * UTF-16 code units, as Label Studio counts them.
     *
     * @param scores one per mark, 0 to 1; the prediction's score is their mean
     */
    public static String labelStudioPrediction(String id, String text, List<MarkSpan> marks, List<Double> scores, String model) {
        ObjectNode task = MAPPER.createObjectNode();
        ObjectNode data = task.putObject("data");
        data.put("id", id);
        data.put("text", text);
        ObjectNode prediction = task.putArray("predictions").addObject();
        prediction.put("model_version", model);
        prediction.put("score", Math.round(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000) / 1000.0);
        ArrayNode result = prediction.putArray("result");
        CodePoints cps = new CodePoints(text);
        for (int k = 0; k < marks.size(); k++) {
            MarkSpan m = marks.get(k);
            ObjectNode r = result.addObject();
            r.put("id", "p" + (k + 1));
            r.put("from_name", "label");
            r.put("to_name", "text");
            r.put("type", "labels");
            r.put("score", scores.get(k));
            ObjectNode value = r.putObject("value");
            value.put("start", text.offsetByCodePoints(0, m.start()));
            value.put("end", text.offsetByCodePoints(0, m.end()));
            value.put("text", cps.substring(m.start(), m.end()));
            value.putArray("labels").add(label(m.kind()));
        }
        return json(MAPPER.createArrayNode().add(task));
    }

    private static String json(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always writes
        }
    }

    /** One doccano JSONL line (without its line end): {"id": …, "text": …, "label": [[START, END, "LABEL"], …]}. */
    public static String doccano(String id, String text, List<MarkSpan> marks) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", id);
        root.put("text", text);
        ArrayNode labels = root.putArray("label");
        for (MarkSpan m : marks) labels.addArray().add(m.start()).add(m.end()).add(label(m.kind()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always writes
        }
    }
}
