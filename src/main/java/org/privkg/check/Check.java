package org.privkg.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;

/**
 * One item of regulation decidable from the marks: a query each of whose rows is a finding against a
 * policy (columns policyId, practice, line, clause, detail), with the rule it comes from
 * ({@code # source:} in its header). Bundled checks are {@code checks/*.rq}; users add their own the same way.
 */
public record Check(String name, String title, String source, NamedQuery query) {
    private static final Pattern SOURCE = Pattern.compile("(?m)^#\\s*source\\s*:\\s*(.+)$");

    public static Check of(NamedQuery q) {
        Matcher m = SOURCE.matcher(q.text());
        if (!m.find()) {
            throw new IllegalArgumentException("check '" + q.name() + "' has no '# source:' header line; add one naming the"
                    + " rule it checks (e.g. # source: PIPL art. 17)");
        }
        if (q.param("policy") == null) {
            throw new IllegalArgumentException("check '" + q.name() + "' declares no policy parameter; add the line"
                    + " # param: policy = \"\" and restrict to ?policy as the bundled checks do");
        }
        return new Check(q.name(), q.title(), m.group(1).strip(), q);
    }

    /** The checks the jar carries, read once: every policy page and HTTP check request uses them. */
    public static List<Check> bundled() {
        return Bundled.CHECKS;
    }

    private static final class Bundled {
        static final List<Check> CHECKS = QueryLibrary.load("/privkg/checks").stream().map(Check::of).toList();
    }

    /** The {@code *.rq} files of a directory of the user's. */
    public static List<Check> fromDirectory(Path dir) throws IOException {
        return QueryLibrary.read(dir).stream().map(Check::of).toList();
    }
}
