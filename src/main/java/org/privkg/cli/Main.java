package org.privkg.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The privkg command line. Exit codes: 0 ok, 1 failure, 2 bad usage or bad input. */
@Command(name = "privkg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns annotated Chinese privacy policies into a knowledge graph (RDF, TDB2, SPARQL).",
        subcommands = {DemoCommand.class, ExtractCommand.class, LoadCommand.class, AnnotateCommand.class, ExportCommand.class,
                QueryCommand.class, QueriesCommand.class, CheckCommand.class, StatsCommand.class, VersionsCommand.class, DiffCommand.class,
                ValidateCommand.class, CompactCommand.class, ConvertCommand.class,
                ServeCommand.class, ReportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or bad input."})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The raw streams of this run, for output that is bytes (RDF) rather than text lines. */
    final PrintStream out;
    final PrintStream err;
    final java.io.InputStream in;
    /** Whether err is this process's standard error (so a terminal check on fd 2 is about it). */
    final boolean errIsTerminal;

    Main(PrintStream out, PrintStream err, java.io.InputStream in, boolean errIsProcessStderr) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.errIsTerminal = errIsProcessStderr;
    }

    /** No command given: that is a usage mistake (a script calling bare 'privkg' should not pass). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), System.in, true));
    }

    /** Runs one command line; tests call this with their own streams. */
    public static int run(String[] args, PrintStream out, PrintStream err, java.io.InputStream in) {
        return run(args, out, err, in, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, java.io.InputStream in, boolean errIsProcessStderr) {
        CommandLine cli = new CommandLine(new Main(out, err, in, errIsProcessStderr));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> e instanceof UserError u ? u.exitCode : FAILURE);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("privkg: " + ex.getMessage());
            // picocli's own "Did you mean" for a mistyped command or option
            if (ex instanceof CommandLine.UnmatchedArgumentException u) CommandLine.UnmatchedArgumentException.printSuggestions(u, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UserError u) {
                if (u.getMessage() != null && !u.getMessage().isEmpty()) c.getErr().println("privkg: " + u.getMessage());
                return u.exitCode;
            }
            c.getErr().println("privkg: " + describe(ex));
            if (System.getenv("PRIVKG_DEBUG") != null) ex.printStackTrace(c.getErr());
            return FAILURE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands on what is not an Exception; say what to do instead of a stack trace
            err.println("privkg: out of memory (the Java heap holds at most " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB); give it more with PRIVKG_JAVA_OPTS=-Xmx4g, or work on fewer files at a time");
            return FAILURE;
        }
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (set PRIVKG_DEBUG=1 for details)";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"privkg " + (v == null ? "dev" : v)};
        }
    }
}
