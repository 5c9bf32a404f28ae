package org.privkg.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.privkg.annotate.Annotator;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.standoff.InlineWriter;

/**
 * How close the annotator's marks come to a human's: per mark kind, span precision, recall and F1 by
 * exact match and by overlap; and, where a gold file of practices is given, the practices the
 * extractor takes from the machine's marks scored with {@link GoldScorer} (action–data, data–purpose,
 * actor–data), beside the same score for the human marks, the ceiling the machine is measured under.
 */
public final class AnnotatorEvaluation {
    /** One annotated policy: its plain text, the human marks, and its gold practices if any. */
    public record Case(String id, String text, List<MarkSpan> gold, Optional<GoldScorer.Gold> practices) {
    }

    public static final List<String> PRACTICE_METRICS = List.of("ad", "dp", "xd");

    private final Annotator annotator;
    private final PolicyReader reader = new PolicyReader();
    private final PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));
    private final Map<MarkKind, SpanScore> spans = new EnumMap<>(MarkKind.class);
    private final List<GoldScorer.Result> machine = new ArrayList<>();
    private final List<GoldScorer.Result> human = new ArrayList<>();
    private int policies;
    private long chars;

    public AnnotatorEvaluation(Annotator annotator) {
        this.annotator = annotator;
        for (MarkKind k : MarkKind.values()) spans.put(k, SpanScore.ZERO);
    }

    public void add(Case c) {
        List<MarkSpan> proposed = Annotator.spans(annotator.annotate(c.text()));
        for (MarkKind k : MarkKind.values()) spans.merge(k, SpanScore.of(k, c.gold(), proposed), SpanScore::plus);
        policies++;
        chars += c.text().length();
        if (c.practices().isPresent()) {
            machine.add(practices(c.id(), InlineWriter.write(c.text(), proposed), c.practices().get()));
            human.add(practices(c.id(), InlineWriter.write(c.text(), c.gold()), c.practices().get()));
        }
    }

    private GoldScorer.Result practices(String id, String marked, GoldScorer.Gold gold) {
        PolicyReader.Outcome o = reader.read(new PolicySource(id, id + ".txt", marked.getBytes(StandardCharsets.UTF_8)));
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        o.policy().ifPresent(p -> writer.write(p, StreamRDFLib.dataset(dsg)));
        return GoldScorer.score(dsg, gold);
    }

    public SpanScore spans(MarkKind kind) {
        return spans.get(kind);
    }

    /** Summed practice counts of one metric, for the machine's marks (or the human's). */
    public GoldScorer.Score practices(String metric, boolean ofMachine) {
        GoldScorer.Score total = GoldScorer.Score.ZERO;
        for (GoldScorer.Result r : ofMachine ? machine : human) total = total.plus(r.score(metric));
        return total;
    }

    /** The report 'annotate --evaluate' prints. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d policies, %d characters%n", policies, chars));
        sb.append("spans      gold  proposed   exact P/R/F          overlap P/R/F\n");
        for (MarkKind k : MarkKind.values()) {
            SpanScore s = spans.get(k);
            sb.append(String.format(Locale.ROOT, "%-9s %5d %9d   %s   %s%n", k.name().toLowerCase(Locale.ROOT), s.gold(),
                    s.proposed(), prf(s.exactPrf()), prf(s.overlapPrf())));
        }
        if (!machine.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "practices of %d policies with gold files: machine marks | human marks%n", machine.size()));
            for (String m : PRACTICE_METRICS) {
                sb.append(String.format(Locale.ROOT, "%-9s %s | %s%n", m, prf(GoldScorer.prf(practices(m, true))),
                        prf(GoldScorer.prf(practices(m, false)))));
            }
        }
        return sb.toString();
    }

    private static String prf(GoldScorer.Prf x) {
        return "P " + num(x.p()) + " R " + num(x.r()) + " F " + num(x.f());
    }

    private static String num(Double d) {
        return d == null ? " -  " : String.format(Locale.ROOT, "%.2f", d);
    }
}
