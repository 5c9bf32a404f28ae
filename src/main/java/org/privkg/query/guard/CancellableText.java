package org.privkg.query.guard;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;

/**
 * A string as a regular expression sees it, checking now and then whether its query was cancelled.
 * Java's regex engine cannot be interrupted, and a pattern such as {@code (.*a){12}$} backtracks for
 * hours over a short string; every step of that reads a character, so reading is where it is stopped.
 */
final class CancellableText implements CharSequence {
    /** Characters read between two looks at the signal: cheap enough, and far below a millisecond. */
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final AtomicBoolean cancelled;
    private int reads;

    CancellableText(String text, AtomicBoolean cancelled) {
        this.text = text;
        this.cancelled = cancelled;
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            if (cancelled.get()) throw new QueryCancelledException();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableText(text.substring(start, end), cancelled);
    }

    @Override
    public String toString() {
        return text;
    }
}
