package org.privkg.annotation;

/** A piece of a clause: ordinary text or a mark, in reading order. */
public sealed interface Segment {
    /** The text as a reader sees it: marks contribute the text between their brackets. */
    String plain();

    /** Ordinary text starting at code-point offset {@code start} of the decoded file. */
    record Text(String text, int start) implements Segment {
        @Override
        public String plain() {
            return text;
        }
    }

    record Marked(Mark mark) implements Segment {
        @Override
        public String plain() {
            return mark.text();
        }
    }
}
