package org.privkg.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SPARQL query from a {@code .rq} file, with what its comment header says:
 * {@code # title:}, {@code # description:} and {@code # param: NAME = "DEFAULT" — TEXT} lines.
 */
public record NamedQuery(String name, String title, String description, List<QueryParam> params, String text) {
    private static final Pattern FIELD = Pattern.compile("^#\\s*(title|description|param)\\s*:\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^\\??([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*\"([^\"]*)\")?\\s*(?:[—–-]+\\s*(.*))?$");

    public static NamedQuery parse(String name, String text) {
        String title = name;
        StringBuilder description = new StringBuilder();
        List<QueryParam> params = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) {
                if (line.isBlank()) continue;
                break;
            }
            Matcher m = FIELD.matcher(line.strip());
            if (m.matches()) {
                switch (m.group(1)) {
                    case "title" -> title = m.group(2).strip();
                    case "description" -> description.append(description.length() > 0 ? " " : "").append(m.group(2).strip());
                    default -> {
                        Matcher p = PARAM.matcher(m.group(2).strip());
                        if (p.matches()) {
                            params.add(new QueryParam(p.group(1), p.group(2) == null ? "" : p.group(2),
                                    p.group(3) == null ? "" : p.group(3).strip()));
                        }
                    }
                }
            } else if (line.startsWith("#   ") || line.startsWith("#  ")) {
                if (description.length() > 0) description.append(' ').append(line.substring(1).strip());
            }
        }
        return new NamedQuery(name, title, description.toString(), List.copyOf(params), text);
    }

    public QueryParam param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
