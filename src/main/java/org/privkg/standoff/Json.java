package org.privkg.standoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.Severity;

/** JSON read for standoff files: a syntax error is a diagnostic with file, line and column. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @param firstLine the file's line where {@code text} starts (a JSONL record), 1 for a whole file */
    static Optional<JsonNode> parse(String text, String file, long firstLine, Diagnostics d) {
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            long col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            d.report(Severity.FATAL, file, "not valid JSON: " + e.getOriginalMessage() + "; fix the file (it holds no policy until then)",
                    firstLine + line - 1, col);
            return Optional.empty();
        } catch (IOException e) {
            d.report(Severity.FATAL, file, "cannot read the JSON: " + e.getMessage(), firstLine, 1);
            return Optional.empty();
        }
    }

    /** A problem with the shape of the JSON, not its syntax: the file holds no policy. */
    static void shape(Diagnostics d, String file, long line, String message) {
        d.report(Severity.FATAL, file, message, line, line > 0 ? 1 : 0);
    }

    /** An int field, or null when it is missing or not an integer. */
    static Integer integer(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
    }
}
