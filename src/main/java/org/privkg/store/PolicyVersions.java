package org.privkg.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.privkg.vocab.PK;

/**
 * The versions of a policy: those in the {@link VersionArchive}, oldest first, then the current one
 * when the policy is stored (a deleted policy has only archived versions). Read-only.
 */
public final class PolicyVersions {
    private static final Node PROVENANCE = NodeFactory.createURI(PK.PROVENANCE_GRAPH);
    private static final Node GENERATED_AT = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");

    private PolicyVersions() {
    }

    /** Every version of the policy, numbered from 1 in load order; empty when privkg never stored it. */
    public static List<PolicyVersion> of(PolicyStore store, String policyId) {
        List<Quad> current = currentQuads(store, policyId);
        String currentName = current.isEmpty() ? null : VersionArchive.fileName(current);
        List<PolicyVersion> versions = new ArrayList<>();
        for (Path file : new VersionArchive(store.dir()).files(policyId)) {
            // a copy of the current version is what a write that failed after keeping it leaves
            if (file.getFileName().toString().equals(currentName)) continue;
            versions.add(version(policyId, versions.size() + 1, quadsOf(VersionArchive.read(file)), Optional.of(file)));
        }
        if (!current.isEmpty()) versions.add(version(policyId, versions.size() + 1, current, Optional.empty()));
        return List.copyOf(versions);
    }

    /** The version's policy graph and its provenance, in a dataset of its own (not the store's). */
    public static DatasetGraph read(PolicyStore store, PolicyVersion v) {
        if (v.archived().isPresent()) return VersionArchive.read(v.archived().get());
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> currentQuads(store, v.policyId()).forEach(copy::add));
        return copy;
    }

    private static List<Quad> currentQuads(PolicyStore store, String policyId) {
        DatasetGraph dsg = store.dataset();
        Node graph = store.policyGraph(policyId);
        return Txn.calculateRead(dsg, () -> {
            List<Quad> quads = new ArrayList<>();
            dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            if (!quads.isEmpty()) dsg.find(PROVENANCE, graph, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            return quads;
        });
    }

    private static List<Quad> quadsOf(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<Quad> quads = new ArrayList<>();
            dsg.find().forEachRemaining(quads::add);
            return quads;
        });
    }

    private static PolicyVersion version(String id, int number, List<Quad> quads, Optional<Path> file) {
        return new PolicyVersion(id, number, VersionArchive.literal(quads, GENERATED_AT).map(Instant::parse),
                VersionArchive.literal(quads, PK.inputSha256).orElse(""), VersionArchive.source(quads).orElse(""), file);
    }
}
