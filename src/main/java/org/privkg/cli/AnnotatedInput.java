package org.privkg.cli;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Optional;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyText;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.StandoffReading;
import org.privkg.standoff.Format;
import org.privkg.standoff.InlineReader;

/** The plain text and marks of an annotated input, whatever format holds them ('convert', 'annotate --evaluate'). */
final class AnnotatedInput {
    private AnnotatedInput() {
    }

    /** The text and its marks, or empty with the reasons in d; evidence spans are warned about and left out. */
    static Optional<InlineReader.Plain> read(PolicySource src, Charset charset, StandoffReading standoff, Diagnostics d) {
        if (src.refusal().isPresent()) {
            d.fatal(src.refusal().get(), 0, 0);
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = src.bytes();
        } catch (UncheckedIOException e) {
            d.fatal("cannot read the file: " + e.getCause().getMessage(), 0, 0);
            return Optional.empty();
        }
        if (src.format() == Format.MARKS) {
            Optional<String> decoded = PolicyText.decode(bytes, charset, d);
            if (decoded.isEmpty()) return Optional.empty();
            new AnnotationParser(false).parse(src.id(), src.name(), decoded.get(), d);
            if (d.hasErrors()) return Optional.empty();
            return Optional.of(InlineReader.read(decoded.get()));
        }
        Optional<StandoffReading.Spans> spans = standoff.spans(src, bytes, d);
        if (spans.isEmpty() || d.hasErrors()) return Optional.empty();
        int evidence = spans.get().checked().evidence().size();
        if (evidence > 0) {
            d.warning(evidence + " evidence " + LoadCommand.plural(evidence, "span", "spans") + " (such as '"
                    + spans.get().checked().evidence().get(0).label() + "') left out: only the four marks are written", 0, 0);
        }
        return Optional.of(new InlineReader.Plain(spans.get().text(), spans.get().checked().marks()));
    }
}
