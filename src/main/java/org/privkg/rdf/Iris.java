package org.privkg.rdf;

import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.privkg.annotation.Labels;
import org.privkg.vocab.PK;

/** The instance IRIs of docs/annotating.md under a base: policy-owned nodes under the policy, shared ones by label. */
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
        return inPolicy(id).node(kind, n);
    }

    /** The IRIs of one policy's own nodes, with the policy's part of them encoded once. */
    public final class InPolicy {
        private final String prefix;

        private InPolicy(String id) {
            this.prefix = base + "policy/" + encode(id) + "/";
        }

        /** The IRI of this policy's node of a kind: {@code BASE/policy/ID/KIND/N}, N encoded. */
        public Node node(String kind, Object n) {
            return NodeFactory.createURI(prefix + kind + "/" + encode(String.valueOf(n)));
        }

        /** A numbered node: numbers need no encoding. */
        public Node node(String kind, int n) {
            return NodeFactory.createURI(prefix + kind + "/" + n);
        }
    }

    public InPolicy inPolicy(String id) {
        return new InPolicy(id);
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
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!keeps(cp)) break;
            i += Character.charCount(cp);
        }
        if (i == s.length()) return s; // the usual case: nothing to encode
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (keeps(cp)) {
                sb.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean keeps(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_' || cp == '~';
    }
}
