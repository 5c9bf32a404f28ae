package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/** Sorting by term ranks puts triples where comparing their terms does, natural order of digits included. */
class RankedTripleSortTest {
    @Test
    void ordersAsTheTermComparatorDoes() {
        List<Triple> input = shuffled();
        List<Triple> expected = new ArrayList<>(input);
        expected.sort(NodeOrder.TRIPLES);

        List<Triple> ranked = new ArrayList<>(input);
        RankedTripleSort.sort(ranked);
        assertEquals(expected, ranked);
    }

    @Test
    void tooManyTermsToPackInALongSortTheSame() {
        List<Triple> input = shuffled();
        List<Triple> packed = new ArrayList<>(input);
        RankedTripleSort.sort(packed);
        List<Triple> records = new ArrayList<>(input);
        RankedTripleSort.sort(records, 3); // one bit a rank: far too few for these terms
        assertEquals(packed, records);
    }

    @Test
    void duplicatesStayAndSitTogether() {
        List<Triple> input = new ArrayList<>(shuffled());
        input.addAll(input.subList(0, 500));
        Collections.shuffle(input, new Random(5));
        List<Triple> expected = new ArrayList<>(input);
        expected.sort(NodeOrder.TRIPLES);
        RankedTripleSort.sort(input);
        assertEquals(expected, input);
    }

    private static List<Triple> shuffled() {
        List<Triple> input = new ArrayList<>();
        Random random = new Random(11);
        String[] steps = {"clause/2", "clause/10", "clause/02", "clause/1a", "practice/9", "practice/10", "purpose/手机"};
        for (int i = 0; i < 3_000; i++) {
            Node s = NodeFactory.createURI("https://w3id.org/privkg/id/policy/policy-" + random.nextInt(12) + "/" + steps[random.nextInt(steps.length)]);
            Node p = NodeFactory.createURI("https://w3id.org/privkg/ontology#p" + random.nextInt(11));
            Node o = switch (random.nextInt(4)) {
                case 0 -> NodeFactory.createLiteralLang("标签 " + random.nextInt(30), random.nextBoolean() ? "zh" : "en");
                case 1 -> NodeFactory.createLiteralDT(Integer.toString(random.nextInt(200)), XSDDatatype.XSDinteger);
                case 2 -> NodeFactory.createLiteralString(Integer.toString(random.nextInt(200)));
                default -> NodeFactory.createBlankNode("b" + random.nextInt(15));
            };
            input.add(Triple.create(s, p, o));
        }
        Collections.shuffle(input, random);
        return input;
    }

    @Test
    void anEmptyListStaysEmpty() {
        List<Triple> none = new ArrayList<>();
        RankedTripleSort.sort(none);
        assertEquals(List.of(), none);
    }
}
