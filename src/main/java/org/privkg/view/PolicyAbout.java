package org.privkg.view;

import static org.privkg.view.RowValues.value;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.privkg.query.InternalQueries;

/** What 'load --meta' says of a policy, for its page's header; each field null when not stored. */
public record PolicyAbout(String app, String sector, String versionDate, String sourceUrl) {
    static final PolicyAbout NONE = new PolicyAbout(null, null, null, null);

    static PolicyAbout read(DatasetGraph dsg, Node policyGraph) {
        PolicyAbout[] found = {NONE};
        InternalQueries.select(dsg, "policy-metadata", Map.of("g", policyGraph), row ->
                found[0] = new PolicyAbout(value(row, "app"), value(row, "sector"), value(row, "issued"), value(row, "url")));
        return found[0];
    }

    boolean isEmpty() {
        return app == null && sector == null && versionDate == null && sourceUrl == null;
    }
}
