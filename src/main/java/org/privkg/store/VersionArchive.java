package org.privkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.privkg.vocab.PK;

/**
 * The earlier versions of policies, outside the TDB2 dataset so that no query sees them (the union
 * default graph is every named graph the dataset holds): {@code DB/versions/ID/MILLIS-SHA256.nq.gz},
 * each the policy graph and its provenance as they were stored, N-Quads, gzipped. A file tells its own
 * load time, SHA-256 and source, so there is no index to keep in step. A version is kept before the
 * write that replaces or deletes it, and whole (written aside, forced to disk, then moved into place):
 * a crash in between leaves at worst a copy of the version still current, which the listing drops.
 */
final class VersionArchive {
    static final String DIR = "versions";
    private static final Node PROVENANCE = NodeFactory.createURI(PK.PROVENANCE_GRAPH);
    private static final Node GENERATED_AT = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");

    private final Path root;

    VersionArchive(Path dbDir) {
        this.root = dbDir.resolve(DIR);
    }

    /**
     * Keeps the stored version of a policy (its graph and its provenance) before it is replaced or
     * deleted. Call inside a transaction; does nothing when the policy has no graph.
     */
    void keep(DatasetGraph dsg, String policyId, Node graph) {
        List<Quad> quads = new ArrayList<>();
        dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        if (quads.isEmpty()) return;
        dsg.find(PROVENANCE, graph, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        Path dir = root.resolve(policyId);
        Path target = dir.resolve(fileName(quads));
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) return;
            Path partial = Files.createTempFile(dir, ".keeping-", ".tmp");
            try {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
                    RDFDataMgr.writeQuads(out, quads.iterator());
                }
                try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new StoreException("cannot keep the previous version of policy '" + policyId + "' in " + dir + ": "
                    + e.getMessage() + "; nothing was changed", e);
        }
    }

    /** The archived versions of a policy, oldest first (by load time, then name). */
    List<Path> files(String policyId) {
        Path dir = root.resolve(policyId);
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".nq.gz")).sorted().toList();
        } catch (IOException e) {
            throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An archived version, read back into a dataset of its own. */
    static DatasetGraph read(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot read the archived version " + file + ": " + e.getMessage(), e);
        }
        return dsg;
    }

    /**
     * {@code MILLIS-SHA256.nq.gz}: the load time (13 digits, so names sort by it) and the input's
     * SHA-256; a graph stored without provenance gets 0 and the SHA-256 of its quads.
     */
    static String fileName(List<Quad> quads) {
        Optional<Instant> at = literal(quads, GENERATED_AT).map(Instant::parse);
        Optional<String> sha = literal(quads, PK.inputSha256);
        String millis = String.format("%013d", at.map(Instant::toEpochMilli).orElse(0L));
        return millis + "-" + sha.orElseGet(() -> digest(quads)) + ".nq.gz";
    }

    static Optional<String> literal(List<Quad> quads, Node predicate) {
        return quads.stream().filter(q -> q.getGraph().equals(PROVENANCE) && q.getPredicate().equals(predicate))
                .map(q -> q.getObject().getLiteralLexicalForm()).findFirst();
    }

    static Optional<String> source(List<Quad> quads) {
        return literal(quads, DCTerms.source.asNode());
    }

    private static String digest(List<Quad> quads) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            quads.stream().map(Quad::toString).sorted().forEach(s -> md.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
