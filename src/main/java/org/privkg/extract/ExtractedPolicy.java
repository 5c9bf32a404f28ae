package org.privkg.extract;

import java.util.List;
import org.privkg.annotation.PolicyDocument;

/**
 * What the extractor takes from one policy.
 *
 * @param owner     the first party's name
 * @param sensitive labels of the data items the policy declares sensitive
 * @param altNames  other names the policy gives data items in parentheses ({@code 国际移动设备识别码（IMEI）})
 */
public record ExtractedPolicy(PolicyDocument document, String owner, List<DataPractice> practices,
                              List<Broader> hierarchy, List<String> sensitive, List<ItemList.AltName> altNames) {
    public ExtractedPolicy(PolicyDocument document, String owner, List<DataPractice> practices,
                           List<Broader> hierarchy, List<String> sensitive) {
        this(document, owner, practices, hierarchy, sensitive, List.of());
    }

    public String id() {
        return document.id();
    }
}
