package org.privkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.privkg.diff.DiffReport;
import org.privkg.diff.PolicyDiff;
import org.privkg.diff.PracticeFields;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.PolicyTriples;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.store.PolicyStore;
import org.privkg.store.PolicyVersion;
import org.privkg.store.PolicyVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Shows the practices added, removed and changed between two versions of a policy, or two files.",
        description = {"privkg diff --db DIR ID [--from N] [--to N] compares two stored versions of a policy "
                + "(default: the one before the last with the last; see 'privkg versions'); privkg diff A B compares two "
                + "policy files, read as 'privkg load' reads them.",
                "A practice is known by its action, actor, data items and negation: a practice with a key only the newer "
                + "version has is added (+), one only the older has is removed (-), and one whose purposes, recipients, "
                + "sources, storage places or flags (consent, separate consent, entrusted processing, cross-border, "
                + "exception) differ is changed (~), naming those fields. The clause is shown as evidence; rewording or "
                + "moving it changes no practice.",
                "Exit codes as diff(1): 0 no practice differs, 1 some do, 2 bad usage or input."},
        footer = {"", "Exit codes: 0 identical, 1 differences found, 2 bad usage or bad input."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Mixin
    ReadOptions read;

    @Option(names = "--from", paramLabel = "N", description = "The older version's number (default: the one before --to).")
    Integer from;

    @Option(names = "--to", paramLabel = "N", description = "The newer version's number (default: the last).")
    Integer to;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Parameters(arity = "1..2", paramLabel = "ID | A B", description = "A stored policy's id, or two policy files.")
    List<String> args;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) throw UserError.badInput("--format: give text or json, not '" + format + "'");
        DiffReport report;
        try {
            report = args.size() == 2 ? files(args.get(0), args.get(1)) : versions(args.get(0));
        } catch (UserError e) {
            // 1 means "differences found", as in diff(1): anything that stops the comparison is trouble, 2
            throw e.exitCode == Main.BAD_INPUT ? e : UserError.badInput(e.getMessage());
        }
        if (format.equals("json")) {
            report.writeJson(main.out);
        } else {
            report.writeText(spec.commandLine().getOut());
        }
        return report.diff().identical() ? Main.OK : Main.FAILURE;
    }

    private DiffReport versions(String id) {
        try (PolicyStore db = Stores.openForReading(store, "Stop that process and try again (TDB2 lets one process at a time open a dataset).")) {
            List<PolicyVersion> versions = StoredVersions.of(db, id);
            int last = versions.size();
            int newer = to == null ? last : to;
            int older = from == null ? newer - 1 : from;
            if (last < 2 && from == null) {
                throw UserError.badInput("policy '" + id + "' has one version; load it again from changed input to make "
                        + "another, or compare two files with 'privkg diff A B'");
            }
            for (int n : new int[] {older, newer}) {
                if (n < 1 || n > last) throw UserError.badInput("policy '" + id + "' has versions 1 to " + last + ", not " + n
                        + " (see 'privkg versions --db " + db.dir() + " " + id + "')");
            }
            PolicyVersion a = versions.get(older - 1);
            PolicyVersion b = versions.get(newer - 1);
            return new DiffReport(label(a), label(b), PolicyDiff.between(
                    PracticeFields.read(PolicyVersions.read(db, a)), PracticeFields.read(PolicyVersions.read(db, b))));
        }
    }

    private static String label(PolicyVersion v) {
        return v.policyId() + " version " + v.number() + (v.current() ? " (current)" : "")
                + v.loadedAt().map(t -> ", loaded " + t).orElse("") + (v.source().isEmpty() ? "" : ", from " + v.source());
    }

    private DiffReport files(String a, String b) {
        if (from != null || to != null) throw UserError.badInput("--from and --to number stored versions; two files are compared as they are");
        read.charset();
        read.labelMap();
        return new DiffReport(a, b, PolicyDiff.between(PracticeFields.read(policy(a)), PracticeFields.read(policy(b))));
    }

    /** One file through the stages every write takes (read, triples), into a dataset of its own. */
    private DatasetGraph policy(String file) {
        List<PolicySource> sources = Inputs.sources(List.of(file), null, main.in, false, read.format());
        if (sources.size() != 1) throw UserError.badInput(file + ": holds " + sources.size() + " policies; diff compares one with one");
        PolicyTriples stages = new PolicyTriples(new PolicyGraphWriter(new Iris(store.base)), null, null, Clock.systemUTC());
        PolicyTriples.Prepared p = stages.prepare(sources.get(0), read.reader());
        PrintWriter err = spec.commandLine().getErr();
        if (!Reporting.report(p.outcome(), err) || p.quads() == null) {
            throw UserError.badInput(file + ": cannot be compared until it reads without errors");
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> p.quads().forEach(dsg::add));
        return dsg;
    }
}
