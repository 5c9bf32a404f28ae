package org.privkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.privkg.pipeline.PolicySource;
import org.privkg.standoff.Format;
import org.privkg.standoff.LabelStudioTask;

/**
 * Which format a PUT body is in, and the one policy it holds. {@code ?input=marks|doccano|labelstudio}
 * says; without it the content type does ({@code application/jsonl}: a doccano line,
 * {@code application/json}: a Label Studio task or an export of one task), else inline marks. brat and
 * CA4P take two files each and a PUT has one body: those are refused with a 400 that says what to send
 * instead, rather than taking a form whose parts would need names of their own.
 */
final class UploadFormat {
    private UploadFormat() {
    }

    /** The source to read, or null after answering 400. */
    static PolicySource source(String id, byte[] body, HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<Format> format = format(req, res);
        if (format.isEmpty()) return null;
        return switch (format.get()) {
            case MARKS -> new PolicySource(id, id, body);
            case DOCCANO -> doccano(id, body, res);
            case LABELSTUDIO -> labelStudio(id, body, res);
            case BRAT, CA4P -> {
                bad(res, format.get().option() + " needs two files (" + (format.get() == Format.BRAT ? "NAME.txt and NAME.ann"
                        : "the annotation JSON and its raw_data HTML") + ") and a PUT has one body: load them with "
                        + "'privkg load', or turn them into inline marks with 'privkg convert' and PUT that");
                yield null;
            }
        };
    }

    private static Optional<Format> format(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String input = req.getParameter("input");
        if (input != null) {
            Optional<Format> named = Format.named(input.strip());
            if (named.isEmpty()) bad(res, "unknown ?input=" + input + "; use marks, doccano or labelstudio");
            return named;
        }
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/jsonl") || type.startsWith("application/x-ndjson")) return Optional.of(Format.DOCCANO);
        if (type.startsWith("application/json")) return Optional.of(Format.LABELSTUDIO);
        return Optional.of(Format.MARKS);
    }

    /** One doccano line: a body of several lines holds several policies, and a PUT stores one. */
    private static PolicySource doccano(String id, byte[] body, HttpServletResponse res) throws IOException {
        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() > 1) {
            bad(res, "the doccano body has " + lines.size() + " lines, one policy each, and a PUT stores one policy: "
                    + "send one line per PUT, or load the file with 'privkg load'");
            return null;
        }
        return PolicySource.record(Format.DOCCANO, id, id, body, 1);
    }

    /** One Label Studio task, alone or as an export of one; anything else is read whole, so the reader names what is wrong. */
    private static PolicySource labelStudio(String id, byte[] body, HttpServletResponse res) throws IOException {
        String json = new String(body, StandardCharsets.UTF_8);
        Optional<List<Map.Entry<String, String>>> tasks = LabelStudioTask.tasks(json, id);
        if (tasks.isPresent() && tasks.get().size() != 1) {
            bad(res, "the Label Studio export holds " + tasks.get().size() + " tasks and a PUT stores one policy: "
                    + "send one task per PUT, or load the export with 'privkg load'");
            return null;
        }
        byte[] task = tasks.isPresent() ? tasks.get().get(0).getValue().getBytes(StandardCharsets.UTF_8) : body;
        return PolicySource.record(Format.LABELSTUDIO, id, id, task, 0);
    }

    private static void bad(HttpServletResponse res, String why) throws IOException {
        Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + why);
    }
}
