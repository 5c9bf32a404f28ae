package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parenthesis inside a data mark either lists kinds of the item (children, skos:broader) or gives the
 * item another name (skos:altLabel), as docs/annotating.md says for lists.
 */
class AltLabelTest {
    private static final String ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>";
    private static final String BROADER = "<http://www.w3.org/2004/02/skos/core#broader>";
    private static final String DATA = "<https://w3id.org/privkg/id/data/";

    private static String extract(Path tmp, String text) throws Exception {
        Path policy = Files.writeString(tmp.resolve("p.txt"), text);
        CliRunner r = CliRunner.run("extract", "--format", "nq", policy.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void anAbbreviationInParenthesesIsAnotherNameOfTheItem(@TempDir Path tmp) throws Exception {
        String nq = extract(tmp, "我们会[收集]<国际移动设备识别码（IMEI）、昵称>。\n");
        assertTrue(nq.contains(DATA + "国际移动设备识别码> " + ALT + " \"IMEI\"@zh"), nq);
        assertFalse(nq.contains(DATA + "IMEI>"), "another name is no item of its own: " + nq);
    }

    @Test
    void anEnumerationInParenthesesListsKindsNotNames(@TempDir Path tmp) throws Exception {
        String nq = extract(tmp, "我们会[收集]<设备识别码（IMEI、ESN、MEID）>。\n");
        assertFalse(nq.contains(ALT), nq);
        for (String kind : new String[] {"IMEI", "ESN", "MEID"}) {
            assertTrue(nq.contains(DATA + kind + "> " + BROADER + " " + DATA + "设备识别码>"), kind + ": " + nq);
        }
    }
}
