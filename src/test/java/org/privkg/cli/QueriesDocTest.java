package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryParam;

/** docs/queries.md: every bundled query and each of its parameters is documented, and its examples run. */
class QueriesDocTest {
    private static final Path DOC = Path.of("docs", "queries.md");

    @Test
    void everyBundledQueryHasARowNamingEachOfItsParameters() throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `")).toList();
        for (NamedQuery q : QueryLibrary.bundled()) {
            String row = rows.stream().filter(l -> l.startsWith("| `" + q.name() + "` |")).findFirst().orElse("");
            assertFalse(row.isEmpty(), "docs/queries.md has no row for the bundled query " + q.name());
            String params = row.split("\\|")[2];
            for (QueryParam p : q.params()) assertTrue(params.contains("`" + p.name() + "`"), q.name() + " lacks " + p.name() + ": " + row);
            if (q.params().isEmpty()) assertTrue(params.contains("none"), row);
        }
        assertEquals(QueryLibrary.bundled().size(), rows.size(), "one row per bundled query, no more");
    }

    @Test
    void everyCommandExampleRunsAgainstTheSamplePolicies(@TempDir Path tmp) throws IOException {
        String db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, "data/policies").exit());
        int examples = 0;
        boolean inSh = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("```")) {
                inSh = line.equals("```sh");
                continue;
            }
            if (!inSh) continue;
            String stdin = null;
            Matcher echo = Pattern.compile("^echo '([^']*)' \\| (.*)$").matcher(line);
            if (echo.matches()) {
                stdin = echo.group(1);
                line = echo.group(2);
            }
            line = line.replaceFirst("^bin/", ""); // bin/privkg as README runs it, or privkg on the PATH
            if (!line.startsWith("privkg ") || line.contains("--service")) continue; // --service: ServeCommandTest
            List<String> args = new ArrayList<>();
            Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(line.replaceFirst("\\s+#.*$", ""));
            while (word.find()) args.add(word.group(1) != null ? word.group(1) : word.group(2).equals("privkg-db") ? db : word.group(2));
            CliRunner r = CliRunner.withStdin(stdin == null ? "" : stdin + "\n", args.subList(1, args.size()).toArray(String[]::new));
            assertEquals(0, r.exit(), line + ": " + r.err());
            assertFalse(r.out().isBlank(), line);
            examples++;
        }
        assertEquals(6, examples, "the examples of docs/queries.md run here");
    }

    private record Result(int code, String out, String err) {
    }

}
