package org.privkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

/** The archive of earlier versions, as the store keeps and lists it. */
class VersionArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void aWriteThatFailsAfterKeepingTheCurrentVersionLeavesNoExtraVersion() {
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            load(store, "为{注册账号}，我们会[收集]您的<手机号码>。\n");
            load(store, "为{登录}，我们会[收集]您的<手机号码>。\n");
            assertEquals(2, PolicyVersions.of(store, "shop").size());
            // what a crash between keeping the version and committing its replacement leaves behind
            Txn.executeRead(store.dataset(), () -> new VersionArchive(store.dir()).keep(store.dataset(), "shop", store.policyGraph("shop")));
            assertEquals(2, new VersionArchive(store.dir()).files("shop").size());
            List<PolicyVersion> versions = PolicyVersions.of(store, "shop");
            assertEquals(2, versions.size(), versions.toString());
            assertTrue(versions.get(1).current());
        }
    }

    @Test
    void theVersionReplacedIsOnDiskWithItsProvenance() {
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            load(store, "为{注册账号}，我们会[收集]您的<手机号码>。\n");
            String first = PolicyVersions.of(store, "shop").get(0).sha256();
            load(store, "为{登录}，我们会[收集]您的<手机号码>。\n");
            PolicyVersion kept = PolicyVersions.of(store, "shop").get(0);
            assertEquals(first, kept.sha256());
            assertEquals("shop.txt", kept.source());
            assertTrue(kept.archived().orElseThrow().getFileName().toString().endsWith("-" + first + ".nq.gz"));
        }
    }

    private static void load(PolicyStore store, String text) {
        new LoadPipeline(PolicyReader::new, 1).inTransactionsOnly().load(store,
                List.of(new PolicySource("shop", "shop.txt", text.getBytes(StandardCharsets.UTF_8))), o -> { });
    }
}
