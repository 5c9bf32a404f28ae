package org.privkg.standoff;

/**
 * One span of a standoff annotation, as its file gives it.
 *
 * @param id     how the file names it (brat 'T3', Label Studio 'r3', doccano 'label 3', CA4P 'record 12')
 * @param label  the tool's label name, before the label map
 * @param start  code-point offset of its first character in the text
 * @param end    code-point offset just after its last character
 * @param text   the text the file records for it, or null when the format records none (doccano)
 * @param line   1-based line of the annotation file it is on, or 0 when the format has no such line
 */
public record Span(String id, String label, int start, int end, String text, long line) {
}
