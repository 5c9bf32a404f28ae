package org.privkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The quads of a bulk load as TDB2 NodeId tuples (graph, subject, predicate, object; 8 bytes each),
 * appended to a scratch file in the dataset's directory until the indexes are built from them. A
 * file, not the heap: a load of 10,000 policies has 12 million quads (400 MB of tuples), and the
 * load's memory must not grow with the corpus.
 */
final class QuadSpill implements AutoCloseable {
    static final int COLUMNS = 4;
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private long rows;
    private boolean writing = true;

    QuadSpill(Path dir) {
        try {
            file = Files.createTempFile(dir, "privkg-bulk-", ".quads");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file in " + dir, e);
        }
    }

    void add(long g, long s, long p, long o) {
        if (buffer.remaining() < COLUMNS * Long.BYTES) flush();
        buffer.putLong(g).putLong(s).putLong(p).putLong(o);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulk load's scratch file " + file, e);
        }
        buffer.clear();
    }

    /** Ends the writing; from now on the tuples can be read, any number of times. */
    void seal() {
        if (!writing) return;
        flush();
        writing = false;
    }

    /** Reads all the tuples, in the order they came, with their columns in the given order. */
    Reader reader(int[] columns) {
        if (writing) throw new IllegalStateException("seal() the spill first");
        return new Reader(columns);
    }

    final class Reader {
        private final int[] columns;
        private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
        private final long[] row = new long[COLUMNS];
        private long position;
        private long left = rows;

        private Reader(int[] columns) {
            this.columns = columns;
            in.flip();
        }

        /** Fills {@code into} with up to {@code max} tuples, COLUMNS longs each; returns how many. */
        int read(long[] into, int max) {
            int n = 0;
            while (n < max && left > 0) {
                if (in.remaining() < COLUMNS * Long.BYTES) fill();
                for (int c = 0; c < COLUMNS; c++) row[c] = in.getLong();
                for (int c = 0; c < COLUMNS; c++) into[n * COLUMNS + c] = row[columns[c]];
                n++;
                left--;
            }
            return n;
        }

        private void fill() {
            in.compact();
            try {
                while (in.position() < COLUMNS * Long.BYTES) {
                    int r = channel.read(in, position);
                    if (r < 0) throw new IOException("unexpected end of " + file);
                    position += r;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bulk load's scratch file " + file, e);
            }
            in.flip();
        }
    }

    /** Deletes the file; one that cannot be deleted is left for the next bulk load to remove (as the sort runs are). */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the load's outcome does not depend on it
        }
    }
}
