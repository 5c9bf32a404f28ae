package org.privkg.rdf;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Triples into {@link NodeOrder} order, duplicates once, in bounded memory: at most {@code maxInMemory}
 * triples are held; past that the sorted batch is spilled as a run file to a directory of its own under
 * {@code tempDir} and the runs are merged as they are read. The directory goes on {@link #close}, and on
 * exit (Ctrl-C included) if the process ends before.
 */
public final class TripleSort implements AutoCloseable {
    private final int maxInMemory;
    private final Path tempDir;
    private final List<Triple> batch = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> open = new ArrayList<>();
    private Path dir;
    private Thread cleanup;

    public TripleSort(int maxInMemory, Path tempDir) {
        if (maxInMemory < 1) throw new IllegalArgumentException("maxInMemory must be at least 1");
        this.maxInMemory = maxInMemory;
        this.tempDir = tempDir;
    }

    public void add(Triple t) {
        batch.add(t);
        if (batch.size() >= maxInMemory) spill();
    }

    /** How many run files were written (0 when everything fitted in memory). */
    public int runs() {
        return runs.size();
    }

    /** The triples in order, each once; call once, after the last {@link #add}. */
    public Iterator<Triple> sorted() {
        if (runs.isEmpty()) {
            RankedTripleSort.sort(batch);
            return distinct(batch.iterator());
        }
        if (!batch.isEmpty()) spill();
        PriorityQueue<Run> heap = new PriorityQueue<>((a, b) -> NodeOrder.TRIPLES.compare(a.head, b.head));
        for (Path p : runs) {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
                open.add(in);
                Run r = new Run(in);
                if (r.advance()) heap.add(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return distinct(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heap.isEmpty();
            }

            @Override
            public Triple next() {
                Run r = heap.poll();
                if (r == null) throw new NoSuchElementException();
                Triple t = r.head;
                if (r.advance()) heap.add(r);
                return t;
            }
        });
    }

    private void spill() {
        RankedTripleSort.sort(batch);
        try {
            if (dir == null) {
                dir = Files.createTempDirectory(tempDir, ".privkg-sort-");
                Path d = dir;
                cleanup = new Thread(() -> deleteRuns(d), "privkg-sort-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            }
            Path run = dir.resolve("run-" + runs.size());
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                Triple last = null;
                for (Triple t : batch) {
                    if (t.equals(last)) continue;
                    write(out, t.getSubject());
                    write(out, t.getPredicate());
                    write(out, t.getObject());
                    last = t;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sort run in " + (dir == null ? tempDir : dir) + ": " + e.getMessage(), e);
        }
        batch.clear();
    }

    @Override
    public void close() {
        for (DataInputStream in : open) {
            try {
                in.close();
            } catch (IOException e) {
                // a run file being deleted anyway
            }
        }
        if (dir != null) {
            deleteRuns(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    private static void deleteRuns(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // nothing more to do on the way out; the directory name says what it was
        }
    }

    private static Iterator<Triple> distinct(Iterator<Triple> sorted) {
        return new Iterator<>() {
            Triple next = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Triple next() {
                if (next == null) throw new NoSuchElementException();
                Triple t = next;
                next = null;
                while (sorted.hasNext()) {
                    Triple n = sorted.next();
                    if (!n.equals(t)) {
                        next = n;
                        break;
                    }
                }
                return t;
            }
        };
    }

    /** A run file being merged, and its current triple. */
    private static final class Run {
        final DataInputStream in;
        Triple head;

        Run(DataInputStream in) {
            this.in = in;
        }

        boolean advance() {
            try {
                Node s = read(in);
                if (s == null) return false;
                head = Triple.create(s, read(in), read(in));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // A term is a kind byte and its strings, each as a length and UTF-8 bytes (DataOutput.writeUTF stops at 64 KB).
    private static void write(DataOutputStream out, Node n) throws IOException {
        if (n.isURI()) {
            out.writeByte('U');
            string(out, n.getURI());
        } else if (n.isBlank()) {
            out.writeByte('B');
            string(out, n.getBlankNodeLabel());
        } else if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                out.writeByte('G');
                string(out, n.getLiteralLexicalForm());
                string(out, lang);
            } else {
                out.writeByte('L');
                string(out, n.getLiteralLexicalForm());
                string(out, n.getLiteralDatatypeURI());
            }
        } else {
            throw new IllegalArgumentException("cannot export " + n + ": only IRIs, blank nodes and literals are written");
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static Node read(DataInputStream in) throws IOException {
        int kind;
        try {
            kind = in.readByte();
        } catch (EOFException e) {
            return null;
        }
        return switch (kind) {
            case 'U' -> NodeFactory.createURI(string(in));
            case 'B' -> NodeFactory.createBlankNode(string(in));
            case 'G' -> NodeFactory.createLiteralLang(string(in), string(in));
            case 'L' -> NodeFactory.createLiteralDT(string(in), TypeMapper.getInstance().getSafeTypeByName(string(in)));
            default -> throw new IOException("corrupt sort run (term kind " + kind + ")");
        };
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
