package org.privkg.standoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.privkg.annotation.MarkKind;

/**
 * What each of an annotation tool's label names means: one of the four mark kinds, or evidence (a
 * label that is no mark, such as CA4P's condition: its text is kept, not read as a mark). A label
 * the map does not know is a diagnostic, never dropped silently.
 */
public final class LabelMap {
    /** A label's meaning: a mark kind, or null for evidence. */
    public record Meaning(MarkKind kind) {
        public boolean isMark() {
            return kind != null;
        }
    }

    private static final Meaning EVIDENCE = new Meaning(null);
    private final Map<String, Meaning> meanings;

    private LabelMap(Map<String, Meaning> meanings) {
        this.meanings = Map.copyOf(meanings);
    }

    /** The labels of the usual tools' set-ups and of CA4P-483 (README, "Standoff input"). */
    public static LabelMap standard() {
        return new LabelMap(defaults());
    }

    private static Map<String, Meaning> defaults() {
        Map<String, Meaning> m = new HashMap<>();
        put(m, MarkKind.DATA, "data", "数据", "DATA");
        put(m, MarkKind.ACTION, "collect", "share", "action", "收集", "分享", "ACTION");
        put(m, MarkKind.ENTITY, "handler", "subject", "entity", "操作者", "受试者", "ENTITY");
        put(m, MarkKind.PURPOSE, "purpose", "目的", "PURPOSE");
        for (String s : new String[] {"condition", "条件", "CONDITION"}) m.put(s, EVIDENCE);
        return m;
    }

    private static void put(Map<String, Meaning> m, MarkKind kind, String... labels) {
        for (String s : labels) m.put(s, new Meaning(kind));
    }

    /**
     * The standard map with the labels of a JSON file added or changed: {@code {"LABEL": "data"}}, each
     * value one of data, action, entity, purpose or evidence.
     *
     * @throws IllegalArgumentException with a message naming the file and what is wrong
     */
    public static LabelMap read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new IllegalArgumentException(file + ":" + line + ":" + col + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the label map: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": a label map is a JSON object, e.g. {\"Personal_Data\": \"data\"}");
        }
        Map<String, Meaning> m = defaults();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String value = e.getValue().asText("");
            Meaning meaning = switch (value) {
                case "data" -> new Meaning(MarkKind.DATA);
                case "action" -> new Meaning(MarkKind.ACTION);
                case "entity" -> new Meaning(MarkKind.ENTITY);
                case "purpose" -> new Meaning(MarkKind.PURPOSE);
                case "evidence" -> EVIDENCE;
                default -> throw new IllegalArgumentException(file + ": label '" + e.getKey() + "' maps to '" + value
                        + "'; give one of data, action, entity, purpose or evidence");
            };
            m.put(e.getKey(), meaning);
        }
        return new LabelMap(m);
    }

    public Optional<Meaning> meaning(String label) {
        return Optional.ofNullable(meanings.get(label));
    }
}
