package org.privkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.ErrorHandler;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.standoff.Format;
import org.privkg.standoff.LabelMap;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.Lexicon;

/**
 * privkg as a library, in the manner of RIOT's {@code RDFParser}: say where the policy comes from and
 * how to read it, then send its quads to a {@link StreamRDF}, take its practices, or store it. Built on
 * the pipeline {@code privkg load} runs ({@link PolicyReader}, {@link PolicyTriples}, {@link LoadPipeline}),
 * with the same checks; the quads are the policy graph's and its provenance's (source {@code library}
 * unless {@link #sourceName} says otherwise).
 * <pre>{@code
 * StreamRDF counter = ...;
 * PolicyParser.create()
 *         .source("我们会[收集]您的<手机号码>。")
 *         .id("shop")
 *         .parse(counter);
 * List<DataPractice> practices = PolicyParser.create().source(Path.of("shop.txt")).extract().practices();
 * }</pre>
 * Diagnostics go to the {@link ErrorHandler} ({@link #errorHandler}); the default one ignores warnings
 * and throws {@link PolicyParseException} for the first error. A policy with an error is never parsed
 * into quads: when the handler's {@code fatal} returns, {@link PolicyParseException} is thrown anyway.
 * A parser is a description of one read; each call of {@link #parse}, {@link #extract} or
 * {@link #loadInto} reads the source again.
 */
public final class PolicyParser {
    private PolicySourceSpec source;
    private Format format = Format.MARKS;
    private LabelMap labels = LabelMap.standard();
    private boolean lenient;
    private String owner;
    private String base;
    private String id;
    private String sourceName = "library";
    private ErrorHandler errorHandler = THROWING;

    private PolicyParser() {
    }

    public static PolicyParser create() {
        return new PolicyParser();
    }

    /** The policy in a file; its id is the file name without extension unless {@link #id} gives one. */
    public PolicyParser source(Path file) {
        this.source = new PolicySourceSpec(file, null);
        return this;
    }

    /** The policy's text (inline marks, or a doccano line or Label Studio task with {@link #format}). */
    public PolicyParser source(String text) {
        this.source = new PolicySourceSpec(null, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The policy's bytes, read at once (UTF-8, or as the policy's encoding is recognised). */
    public PolicyParser source(InputStream in) {
        try {
            this.source = new PolicySourceSpec(null, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** How the policy is annotated: inline marks (the default), or a standoff format. */
    public PolicyParser format(Format format) {
        this.format = Objects.requireNonNull(format);
        return this;
    }

    /** What the label names of a standoff format mean (default: {@link LabelMap#standard()}). */
    public PolicyParser labels(LabelMap labels) {
        this.labels = Objects.requireNonNull(labels);
        return this;
    }

    /** A bad mark becomes plain text (a warning) instead of an error. */
    public PolicyParser lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /** The first party's name, when the policy does not say it. */
    public PolicyParser owner(String owner) {
        this.owner = owner;
        return this;
    }

    /** The base of instance IRIs (default {@code https://w3id.org/privkg/id/}). */
    public PolicyParser base(String base) {
        this.base = base;
        return this;
    }

    /** The policy id (required for a text or stream source). */
    public PolicyParser id(String id) {
        this.id = PolicyId.requireValid(id);
        return this;
    }

    /** What provenance records as the source (default {@code library}). */
    public PolicyParser sourceName(String name) {
        this.sourceName = Objects.requireNonNull(name);
        return this;
    }

    public PolicyParser errorHandler(ErrorHandler handler) {
        this.errorHandler = Objects.requireNonNull(handler);
        return this;
    }

    /** Sends the policy graph's quads, then its provenance's, to {@code out} (start, quads, finish). */
    public void parse(StreamRDF out) {
        PolicyTriples.Prepared p = prepare();
        out.start();
        for (Quad q : p.quads()) out.quad(q);
        out.finish();
    }

    /** The policy as read: its document, practices (records), hierarchy and sensitive items. */
    public ExtractedPolicy extract() {
        return prepare().outcome().policy().orElseThrow();
    }

    /** Stores the policy in {@code store} the way {@code privkg load} does (replacing one of the same id). */
    public LoadPipeline.Summary loadInto(PolicyStore store) {
        PolicySource src = policySource();
        PolicyReader reader = reader();
        LoadPipeline pipeline = new LoadPipeline(() -> reader, 1, new ShapeCheck(base))
                .recordingSourceAs(sourceName).inTransactionsOnly();
        return pipeline.load(store, List.of(src), new LoadPipeline.Events() {
            @Override
            public void read(PolicyReader.Outcome outcome) {
                deliver(outcome);
            }

            @Override
            public void checked(PolicyReader.Outcome outcome, String report) {
                errorHandler.warning(report.strip(), 0, 0);
            }
        });
    }

    private PolicyTriples.Prepared prepare() {
        PolicyTriples stages = new PolicyTriples(new PolicyGraphWriter(new Iris(base)), new ShapeCheck(base), sourceName,
                Clock.systemUTC());
        PolicyTriples.Prepared p = stages.prepare(policySource(), reader());
        deliver(p.outcome());
        if (!p.report().isEmpty()) errorHandler.warning(p.report().strip(), 0, 0);
        return p;
    }

    /** Every diagnostic to the handler; a rejected policy ends here even when the handler returns. */
    private void deliver(PolicyReader.Outcome outcome) {
        for (Diagnostic d : outcome.diagnostics().all()) {
            switch (d.severity()) {
                case WARNING -> errorHandler.warning(d.message(), d.line(), d.column());
                case ERROR -> errorHandler.error(d.message(), d.line(), d.column());
                default -> errorHandler.fatal(d.message(), d.line(), d.column());
            }
        }
        if (!outcome.ok()) {
            String first = outcome.diagnostics().all().stream().filter(d -> d.severity() != org.privkg.annotation.Severity.WARNING)
                    .findFirst().map(Diagnostic::toString).orElse(outcome.source().name() + ": rejected");
            throw new PolicyParseException(first);
        }
    }

    private PolicyReader reader() {
        return new PolicyReader(StandardCharsets.UTF_8, lenient, owner, Lexicon.bundled(), labels);
    }

    private PolicySource policySource() {
        if (source == null) throw new IllegalStateException("no source: call source(Path), source(String) or source(InputStream)");
        if (source.file() != null) {
            return switch (format) {
                case MARKS -> PolicySource.of(source.file(), id);
                case BRAT, CA4P -> PolicySource.standoff(format, source.file(), companion(source.file()), id, false);
                case DOCCANO, LABELSTUDIO -> PolicySource.record(format, id != null ? id : PolicySource.idOf(source.file()),
                        source.file().getFileName().toString(), source.bytes(), 1);
            };
        }
        if (id == null) throw new IllegalStateException("a policy given as text or a stream needs an id: call id(String)");
        String name = "<" + id + ">";
        return format == Format.MARKS ? new PolicySource(id, name, source.bytes())
                : PolicySource.record(format, id, name, source.bytes(), 1);
    }

    /** The second file, laid out as 'privkg load' expects it: NAME.ann beside a brat text, raw_data/NAME.html for CA4P. */
    private Path companion(Path file) {
        String stem = PolicySource.idOf(file);
        return format == Format.BRAT ? file.resolveSibling(stem + ".ann")
                : file.toAbsolutePath().getParent().resolveSibling("raw_data").resolve(stem + ".html");
    }

    /** A file, or bytes already read. */
    private record PolicySourceSpec(Path file, byte[] given) {
        byte[] bytes() {
            if (given != null) return given;
            try {
                return java.nio.file.Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** RIOT's default, more or less: warnings pass, the first error stops the read. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long column) {
        }

        @Override
        public void error(String message, long line, long column) {
            throw new PolicyParseException(line + ":" + column + ": " + message);
        }

        @Override
        public void fatal(String message, long line, long column) {
            throw new PolicyParseException(line + ":" + column + ": " + message);
        }
    };
}
