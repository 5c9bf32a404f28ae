package org.privkg.standoff;

import java.util.List;

/**
 * A policy's text and its spans as an annotation tool keeps them apart.
 *
 * @param annotationFile the file the spans come from, named in their diagnostics
 */
public record Standoff(String text, List<Span> spans, String annotationFile) {
}
