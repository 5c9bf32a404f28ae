package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The order canonical exports are written in. */
class NodeOrderTest {
    @Test
    void numbersInIrisCompareByValue() {
        List<String> iris = new ArrayList<>(List.of("p/clause/10", "p/clause/2", "p/clause/1", "p/clause/02", "p/a"));
        iris.sort(NodeOrder::natural);
        assertEquals(List.of("p/a", "p/clause/1", "p/clause/2", "p/clause/02", "p/clause/10"), iris);
    }

    @Test
    void irisThenBlankNodesThenLiterals() {
        Node iri = NodeFactory.createURI("https://example.org/z");
        Node blank = NodeFactory.createBlankNode("b0");
        Node literal = NodeFactory.createLiteralString("a");
        assertTrue(NodeOrder.compare(iri, blank) < 0);
        assertTrue(NodeOrder.compare(blank, literal) < 0);
        assertTrue(NodeOrder.compare(NodeFactory.createLiteralLang("x", "en"), NodeFactory.createLiteralLang("x", "zh")) < 0);
        assertEquals(0, NodeOrder.compare(NodeFactory.createURI("https://example.org/z"), iri));
    }

    @Test
    void leadingZerosAndLongRunsOfDigitsOrderAsTheirValueThenTheirLength() {
        List<String> ids = new ArrayList<>(List.of("c/0010", "c/9", "c/010", "c/000", "c/0", "c/12345678901234567890", "c/10a", "c/10", "c/1"));
        ids.sort(NodeOrder::natural);
        assertEquals(List.of("c/0", "c/000", "c/1", "c/9", "c/10", "c/10a", "c/010", "c/0010", "c/12345678901234567890"), ids);
    }

    @Test
    void agreesWithComparingTheDigitRunsAsStrings() {
        // the definition the order started from, written with substrings; natural() compares in place
        Random random = new Random(3);
        String alphabet = "0019a/长";
        for (int n = 0; n < 20_000; n++) {
            String a = randomString(random, alphabet);
            String b = randomString(random, alphabet);
            assertEquals(Integer.signum(bySubstrings(a, b)), Integer.signum(NodeOrder.natural(a, b)), a + " vs " + b);
        }
    }

    private static String randomString(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(7); k > 0; k--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    private static int bySubstrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb) && ca < 128 && cb < 128) {
                int si = i;
                int sj = j;
                while (i < a.length() && a.charAt(i) >= '0' && a.charAt(i) <= '9') i++;
                while (j < b.length() && b.charAt(j) >= '0' && b.charAt(j) <= '9') j++;
                String da = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                if (da.length() != db.length()) return Integer.compare(da.length(), db.length());
                int c = da.compareTo(db);
                if (c != 0) return c;
                c = Integer.compare(i - si, j - sj);
                if (c != 0) return c;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
