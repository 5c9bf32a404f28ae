package org.privkg.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.privkg.annotate.Annotator;
import org.privkg.annotate.MachineAnnotation;
import org.privkg.annotate.RawPolicy;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyDocument;
import org.privkg.annotation.Segment;
import org.privkg.standoff.Format;
import org.privkg.standoff.LabelMap;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.extract.Explanation;
import org.privkg.extract.Extractor;
import org.privkg.vocab.Lexicon;

/**
 * Bytes → text → document → practices for one policy. A file with an error yields no policy, so
 * nothing of it can be stored; its diagnostics say why.
 * <p>
 * A reader keeps no state between policies, but the parser and extractor it holds are not meant to be
 * shared between threads: give each thread its own reader (see {@link ParallelReader}).
 */
public final class PolicyReader {
    /**
     * What reading one policy gave: the policy, unless it had errors, every diagnostic, and the
     * SHA-256 (hex) of the bytes read ("" when none could be read), which provenance records.
     */
    public record Outcome(PolicySource source, Optional<ExtractedPolicy> policy, Diagnostics diagnostics, String inputSha256) {
        public Outcome(PolicySource source, Optional<ExtractedPolicy> policy, Diagnostics diagnostics) {
            this(source, policy, diagnostics, "");
        }

        /** Read, but without a single mark: it gives no practices ({@link #UNANNOTATED}). */
        public boolean unannotated() {
            return ok() && diagnostics.all().stream().anyMatch(d -> d.message().equals(UNANNOTATED));
        }

        public boolean ok() {
            return policy.isPresent();
        }
    }

    private final Charset charset;
    private final AnnotationParser parser;
    private final Extractor extractor;
    private final String owner;
    private final StandoffReading standoff;
    /** Proposes the marks of raw inputs ('load --annotate'), or null when inputs carry their own. */
    private final Annotator annotator;

    public PolicyReader(Charset charset, boolean lenient, String owner, Lexicon lexicon) {
        this(charset, lenient, owner, lexicon, LabelMap.standard());
    }

    /** @param labels what the label names of standoff files mean */
    public PolicyReader(Charset charset, boolean lenient, String owner, Lexicon lexicon, LabelMap labels) {
        this(charset, lenient, owner, lexicon, labels, null);
    }

    /** @param annotator proposes the marks of each input, a raw policy as text or web page; null reads marks as written */
    public PolicyReader(Charset charset, boolean lenient, String owner, Lexicon lexicon, LabelMap labels, Annotator annotator) {
        this.annotator = annotator;
        this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
        this.standoff = new StandoffReading(this.charset, lenient, labels);
        this.parser = new AnnotationParser(lenient);
        this.extractor = new Extractor(lexicon);
        this.owner = owner;
    }

    public PolicyReader() {
        this(StandardCharsets.UTF_8, false, null, Lexicon.bundled());
    }

    /** The warning for a policy without a single mark: privkg reads annotated policies. */
    /** Whether this reader's policies carry machine-proposed marks (their graphs say so: {@link MachineAnnotation}). */
    public boolean annotates() {
        return annotator != null;
    }

    public static final String UNANNOTATED = "no marks at all: privkg reads annotated policies, where marks say which "
            + "words are data, actions, entities and purposes; this one gives no practices. Mark it as README's "
            + "\"Writing a policy\" shows (or load the annotation tool's standoff file, \"Standoff input\")";

    public Outcome read(PolicySource src) {
        return read(src, Explanation.NONE);
    }

    /** Reads the policy, telling {@code explain} what each rule of the extractor decided. */
    public Outcome read(PolicySource src, Explanation explain) {
        Diagnostics diagnostics = new Diagnostics(src.name());
        if (src.refusal().isPresent()) {
            diagnostics.fatal(src.refusal().get(), 0, 0); // about the name, not a place in the text
            return new Outcome(src, Optional.empty(), diagnostics);
        }
        byte[] bytes;
        try {
            bytes = src.bytes();
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            diagnostics.fatal("cannot read the file: " + (cause instanceof java.nio.file.NoSuchFileException
                    ? "it no longer exists" : cause.getMessage()), 1, 1);
            return new Outcome(src, Optional.empty(), diagnostics);
        }
        String sha256 = InputDigest.sha256(bytes, src.companion());
        Optional<PolicyDocument> read;
        if (annotator != null && src.format() == Format.MARKS) {
            // a page says its own encoding unless one was asked for; text is UTF-8 unless one was
            Optional<String> raw = RawPolicy.text(src.name(), bytes, charset.equals(StandardCharsets.UTF_8) ? null : charset, diagnostics);
            read = raw.map(t -> parser.parse(src.id(), src.recordedSource(), annotator.marked(t), diagnostics));
        } else if (src.format() == Format.MARKS) {
            Optional<String> text = org.privkg.annotation.PolicyText.decode(bytes, charset, diagnostics);
            read = text.map(t -> parser.parse(src.id(), src.recordedSource(), t, diagnostics));
        } else {
            read = standoff.read(src, bytes, diagnostics);
        }
        if (read.isEmpty() || diagnostics.hasErrors()) return new Outcome(src, Optional.empty(), diagnostics, sha256);
        PolicyDocument doc = read.get();
        if (doc.clauses().stream().allMatch(c -> c.segments().stream().noneMatch(s -> s instanceof Segment.Marked))) {
            diagnostics.warning(UNANNOTATED, 1, 1); // about the whole file: placed at its start
        }
        return new Outcome(src, Optional.of(extractor.extract(doc, owner, diagnostics, explain)), diagnostics, sha256);
    }
}
