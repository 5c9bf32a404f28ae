package org.privkg.rdf;

import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.privkg.annotation.Labels;
import org.privkg.vocab.PK;

/** The instance IRIs of SPEC §5 under a base: policy-owned nodes under the policy, shared ones by label. */
public final class Iris {
    private final String base;

    public Iris(String base) {
        this.base = base == null || base.isBlank() ? PK.DEFAULT_BASE : (base.endsWith("/") || base.endsWith("#") ? base : base + "/");
    }

    public String base() {
        return base;
    }

    public Node policy(String id) {
        return NodeFactory.createURI(base + "policy/" + encode(id));
    }

    public Node inPolicy(String id, String kind, Object n) {
        return NodeFactory.createURI(base + "policy/" + encode(id) + "/" + kind + "/" + encode(String.valueOf(n)));
    }

    public Node firstParty(String id) {
        return NodeFactory.createURI(base + "policy/" + encode(id) + "/first-party");
    }

    public Node dataSubject() {
        return NodeFactory.createURI(base + "party/data-subject");
    }

    public Node shared(String kind, String label) {
        return NodeFactory.createURI(base + kind + "/" + encode(Labels.key(label)));
    }

    /**
     * Keeps letters and digits of any script readable (IRIs allow them) and percent-encodes the rest,
     * so a label such as 通信/通话记录 stays one path segment.
     */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_' || cp == '~') {
                sb.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return sb.toString();
    }
}
