package org.privkg.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.annotation.ErrorHandler;
import org.privkg.extract.DataPractice;
import org.privkg.pipeline.PolicyParseException;
import org.privkg.pipeline.PolicyParser;
import org.privkg.store.PolicyStore;

/**
 * privkg used as a library, from outside its packages, as a user would. The part between the tags is
 * the example docs/architecture.md shows ({@link ArchitectureDocTest} keeps the two the same).
 */
class LibraryExampleTest {
    @Test
    void parsesAPolicyIntoQuadsAndPractices() {
        // tag::example[]
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        PolicyParser.create()
                .source("示例商城隐私政策\n\n为{完成支付}，我们会[收集]您的<银行卡号>，并与(支付机构)[共享]<订单信息>。\n")
                .id("shop")
                .owner("示例商城")
                .parse(StreamRDFLib.dataset(dataset));

        List<DataPractice> practices = PolicyParser.create()
                .source("为{完成支付}，我们会[收集]您的<银行卡号>。\n")
                .id("shop")
                .extract()
                .practices();
        // end::example[]
        assertTrue(dataset.getGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/privkg/id/policy/shop")).size() > 10);
        assertTrue(dataset.getGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/privkg/provenance")).size() > 0);
        assertEquals(1, practices.size());
        assertEquals(List.of("银行卡号"), practices.get(0).data());
    }

    @Test
    void anErrorGoesToTheHandlerAndNoQuadsAreSent() {
        List<String> seen = new ArrayList<>();
        ErrorHandler collecting = new ErrorHandler() {
            public void warning(String m, long l, long c) { seen.add("warning " + l + ":" + c); }
            public void error(String m, long l, long c) { seen.add("error " + l + ":" + c + " " + m); }
            public void fatal(String m, long l, long c) { seen.add("fatal " + l + ":" + c); }
        };
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        assertThrows(PolicyParseException.class, () -> PolicyParser.create().source("为{完成支付，我们会[收集]您的<银行卡号>。\n")
                .id("broken").errorHandler(collecting).parse(StreamRDFLib.dataset(dataset)));
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("error 1:")), seen.toString());
        assertTrue(dataset.isEmpty(), "a rejected policy sends nothing");

        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.create().source("为{完成支付，我们会[收集]您的<银行卡号>。\n").id("broken").extract());
        assertTrue(e.getMessage().contains("unclosed mark"), e.getMessage());
        assertEquals(1, PolicyParser.create().source("为{完成支付，我们会[收集]您的<银行卡号>。\n").id("broken").lenient(true)
                .extract().practices().size(), "lenient keeps the rest");
    }

    @Test
    void loadsIntoAStoreTheWayLoadDoes(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("shop.txt");
        Files.writeString(file, "为{完成支付}，我们会[收集]您的<银行卡号>。\n");
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            assertEquals(1, PolicyParser.create().source(file).loadInto(store).loaded());
            assertEquals(List.of("shop"), store.policyIds());
        }
    }
}
