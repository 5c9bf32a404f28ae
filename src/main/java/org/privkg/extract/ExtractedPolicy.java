package org.privkg.extract;

import java.util.List;
import org.privkg.annotation.PolicyDocument;

/**
 * What the extractor takes from one policy.
 *
 * @param owner     the first party's name
 * @param sensitive labels of the data items the policy declares sensitive
 */
public record ExtractedPolicy(PolicyDocument document, String owner, List<DataPractice> practices,
                              List<Broader> hierarchy, List<String> sensitive) {
    public String id() {
        return document.id();
    }
}
