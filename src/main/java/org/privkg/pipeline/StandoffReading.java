package org.privkg.pipeline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyDocument;
import org.privkg.annotation.PolicyText;
import org.privkg.annotation.Severity;
import org.privkg.standoff.BratFile;
import org.privkg.standoff.Ca4pFile;
import org.privkg.standoff.DoccanoLine;
import org.privkg.standoff.LabelMap;
import org.privkg.standoff.LabelStudioTask;
import org.privkg.standoff.SpanCheck;
import org.privkg.standoff.Standoff;
import org.privkg.standoff.StandoffDocument;

/**
 * Bytes → text and spans → checked spans → document, for a policy in a standoff format. From the
 * document on it goes the way of an inline policy ({@link PolicyReader}); {@code privkg convert}
 * takes the checked spans instead ({@link #spans}).
 */
public final class StandoffReading {
    private final Charset charset;
    private final SpanCheck check;
    private final boolean lenient;

    public StandoffReading(Charset charset, boolean lenient, LabelMap labels) {
        this.charset = charset;
        this.lenient = lenient;
        this.check = new SpanCheck(labels, lenient);
    }

    /** The document, or empty when the file holds none (the diagnostics say why); errors in spans are the caller's to act on. */
    Optional<PolicyDocument> read(PolicySource src, byte[] bytes, Diagnostics d) {
        return spans(src, bytes, d).map(s -> StandoffDocument.build(src.id(), src.recordedSource(), s.text(), s.checked()));
    }

    /** A policy's text and the spans that passed the check. */
    public record Spans(String text, SpanCheck.Checked checked) {
    }

    /** The text and its checked spans, or empty when the file holds none (the diagnostics say why); errors in spans are the caller's to act on. */
    public Optional<Spans> spans(PolicySource src, byte[] bytes, Diagnostics d) {
        Optional<Standoff> standoff = switch (src.format()) {
            case BRAT -> brat(src, bytes, d);
            case CA4P -> ca4p(src, bytes, d);
            case DOCCANO -> text(bytes, src.name(), d).flatMap(line -> DoccanoLine.read(line, src.name(), Math.max(1, src.line()), d));
            case LABELSTUDIO -> text(bytes, src.name(), d).flatMap(json -> labelStudio(json, src.name(), d));
            case MARKS -> throw new IllegalArgumentException("inline marks are read by the parser");
        };
        if (standoff.isEmpty()) return Optional.empty();
        return Optional.of(new Spans(standoff.get().text(), check.check(standoff.get(), d)));
    }

    private Optional<Standoff> brat(PolicySource src, byte[] bytes, Diagnostics d) {
        Optional<String> text = PolicyText.decode(bytes, charset, d);
        Optional<String> ann = companion(src, d).flatMap(b -> decode(b, src.companion().toString(), d));
        if (text.isEmpty() || ann.isEmpty()) return Optional.empty();
        return Optional.of(BratFile.read(text.get(), ann.get(), src.companion().toString(), lenient, d));
    }

    private Optional<Standoff> ca4p(PolicySource src, byte[] bytes, Diagnostics d) {
        Optional<String> json = text(bytes, src.name(), d);
        Optional<String> html = companion(src, d).flatMap(b -> decode(b, src.companion().toString(), d));
        if (json.isEmpty() || html.isEmpty()) return Optional.empty();
        return Ca4pFile.read(json.get(), src.name(), html.get(), src.companion().toString(), d);
    }

    /** A Label Studio record: one task, or a whole export that is no valid JSON (to be named as such). */
    private static Optional<Standoff> labelStudio(String json, String file, Diagnostics d) {
        return LabelStudioTask.read(json, file, d);
    }

    private Optional<byte[]> companion(PolicySource src, Diagnostics d) {
        Path p = src.companion();
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            d.report(Severity.FATAL, src.name(), "cannot read " + p + ", which holds "
                    + (src.format() == org.privkg.standoff.Format.BRAT ? "its annotations" : "its text") + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), 0, 0);
            return Optional.empty();
        }
    }

    private Optional<String> decode(byte[] bytes, String file, Diagnostics d) {
        Diagnostics own = new Diagnostics(file);
        Optional<String> s = PolicyText.decode(bytes, charset, own);
        for (var x : own.all()) d.report(x.severity(), file, x.message(), x.line(), x.column());
        return s;
    }

    /** JSON is UTF-8 whatever --encoding says. */
    private static Optional<String> text(byte[] bytes, String file, Diagnostics d) {
        return PolicyText.decode(bytes, StandardCharsets.UTF_8, d);
    }
}
