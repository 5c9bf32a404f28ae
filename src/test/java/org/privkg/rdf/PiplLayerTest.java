package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.vocab.ActionConcept;
import org.privkg.vocab.DPV;
import org.privkg.vocab.PK;

/** Entrusted processing, cross-border provision, DPV and PIPL triples, as extracted and written. */
class PiplLayerTest {
    static ExtractedPolicy read(Path file) throws IOException {
        return new PolicyReader().read(PolicySource.of(file, null)).policy().orElseThrow();
    }

    static ExtractedPolicy read(String id, String text) {
        return new PolicyReader().read(new PolicySource(id, id + ".txt", text.getBytes(StandardCharsets.UTF_8))).policy().orElseThrow();
    }

    static List<DataPractice> where(ExtractedPolicy p, java.util.function.Predicate<DataPractice> f) {
        return p.practices().stream().filter(f).toList();
    }

    @Test
    void crossBorderIsAProvisionAbroad() throws IOException {
        ExtractedPolicy game = read(Fixtures.policy("game"));
        List<DataPractice> abroad = where(game, DataPractice::crossBorder);
        assertEquals(1, abroad.size(), "the transfer to the Singapore affiliate");
        DataPractice t = abroad.get(0);
        assertEquals(ActionConcept.TRANSFER, t.action());
        assertTrue(t.requiresSeparateConsent());
        assertFalse(t.negated());

        ExtractedPolicy health = read(Fixtures.policy("health"));
        List<DataPractice> healthAbroad = where(health, DataPractice::crossBorder);
        assertEquals(1, healthAbroad.size());
        assertTrue(healthAbroad.get(0).negated(), "不会[传输]至境外 is kept, negated");
        assertTrue(where(health, p -> p.crossBorder() && p.action() == ActionConcept.STORE).isEmpty(),
                "storing in China (境内) is no provision abroad");
    }

    @Test
    void crossBorderNeedsARecipientOrPlaceAbroadOrAProvisionAbroad() {
        ExtractedPolicy p = read("t", "示例隐私政策\n我们会将您的<订单信息>[共享]给位于境外的(合作伙伴)。\n"
                + "我们会在(境外服务器)[存储]您的<日志信息>。\n我们会[共享]您的<跨境商品订单>给(海关)。\n"
                + "您的<账号信息>将[存储]在(新加坡的服务器)中。\n我们会向(位于香港的广告监测服务商)[提供]<设备标识符>。\n"
                + "您的<个人信息>将[存储]于(中华人民共和国境内的数据中心)。\n");
        assertEquals(List.of(true, true, false, true, true, false), p.practices().stream().map(DataPractice::crossBorder).toList());
    }

    @Test
    void entrustedProcessingComesThroughWeituo() throws IOException {
        ExtractedPolicy health = read(Fixtures.policy("health"));
        List<DataPractice> entrusted = where(health, DataPractice::entrustedProcessing);
        assertEquals(1, entrusted.size());
        assertEquals("语音技术服务商", entrusted.get(0).recipients().get(0).label());
        assertFalse(where(health, p -> p.recipients().stream().anyMatch(r -> r.label().contains("药店"))).get(0).entrustedProcessing(),
                "the pharmacy's own 委托的(配送服务商) is not the handler's entrustment");
        for (String f : List.of("src/test/resources/unseen/education.txt", "src/test/resources/unseen/ecommerce-travel.txt")) {
            assertEquals(1, where(read(Path.of(f)), DataPractice::entrustedProcessing).size(), f);
        }
        ExtractedPolicy announced = read("t", "示例隐私政策\n我们会将您的<订单信息>[提供]给第三方，受托方为(某某物流公司)。\n");
        assertTrue(announced.practices().get(0).entrustedProcessing());
    }

    @Test
    void writerEmitsAlignmentAndPiplTriples() throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        PolicyGraphWriter w = new PolicyGraphWriter(new Iris(null));
        ExtractedPolicy finance = read(Fixtures.policy("finance"));
        w.write(finance, StreamRDFLib.dataset(dsg));
        Graph g = dsg.getGraph(w.graphName("finance"));
        Iris iris = new Iris(null);
        Node phone = iris.shared("data", "手机号码");
        assertEquals(Set.of(uri(DPV.PD + "TelephoneNumber")), objects(g, phone, PK.dpvConcept));
        assertEquals(Set.of(), objects(g, phone, PK.piplSensitive));
        Node face = iris.shared("data", "人脸特征值");
        assertEquals(Set.of(uri(DPV.PD + "FacialPrint")), objects(g, face, PK.dpvConcept));
        assertEquals(Set.of(PK.term("BiometricInformation")), objects(g, face, PK.piplSensitive));
        assertEquals(Set.of(), objects(g, iris.shared("data", "个人信息"), PK.dpvConcept), "too generic for a concept");
        Node purpose = iris.inPolicy("finance", "purpose", "核实您的身份并开立电子账户");
        assertEquals(Set.of(uri(DPV.NS + "IdentityVerification"), uri(DPV.NS + "AccountManagement")),
                objects(g, purpose, PK.dpvConcept));
        for (DataPractice dp : finance.practices()) {
            Node n = iris.inPolicy("finance", "practice", dp.index());
            assertEquals(1, objects(g, n, PK.entrustedProcessing).size());
            assertEquals(1, objects(g, n, PK.crossBorder).size());
        }
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    static Set<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).toList().stream().map(t -> t.getObject()).collect(Collectors.toSet());
    }
}
