package org.privkg.metadata;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a metadata file: the policy it describes and what it says, each field absent when its cell
 * was empty. {@code others} are the columns privkg has no term of its own for, by header, in file order.
 *
 * @param line     the line of the file the row starts on (a quoted cell may run over several)
 * @param idColumn the column of the file that holds the id (1 = first), for messages about the id
 */
public record PolicyMetadata(String policyId, long line, int idColumn, String app, String sector, LocalDate versionDate,
                             String sourceUrl, Map<String, String> others) {
    public PolicyMetadata {
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }
}
