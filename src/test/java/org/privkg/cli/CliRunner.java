package org.privkg.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Runs the command line in-process and keeps what it printed: the one way tests run {@code privkg}. */
public record CliRunner(int exit, String out, String err, byte[] outBytes) {
    /** {@code privkg ARGS} with nothing on standard input. */
    public static CliRunner run(String... args) {
        return withStdin("", args);
    }

    /** {@code privkg ARGS} reading {@code stdin} (UTF-8) as its standard input. */
    public static CliRunner withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new CliRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** {@code privkg query --db DB NAME --format csv --param P...}, which must succeed; its rows by header. */
    static List<CSVRecord> queryCsv(String db, String name, String... params) throws IOException {
        List<String> args = new ArrayList<>(List.of("query", "--db", db, name, "--format", "csv"));
        for (String p : params) {
            args.add("--param");
            args.add(p);
        }
        CliRunner r = run(args.toArray(String[]::new));
        if (r.exit() != 0) throw new AssertionError("privkg " + String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(r.out())).getRecords();
    }
}
