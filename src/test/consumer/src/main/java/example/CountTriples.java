package example;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.privkg.pipeline.PolicyParser;

/** Parses a policy given as a string and prints how many triples it gives. */
public class CountTriples {
    public static void main(String[] args) {
        AtomicLong triples = new AtomicLong();
        PolicyParser.create()
                .source("为{完成支付}，我们会[收集]您的<银行卡号>。\n")
                .id("shop")
                .parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad quad) {
                        triples.incrementAndGet();
                    }
                });
        System.out.println("triples: " + triples.get());
    }
}
