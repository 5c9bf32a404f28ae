package org.privkg.extract;

import org.privkg.extract.ClauseView.Span;

/**
 * One verb of a clause: from an action mark, or the unmarked verb of an inferred practice. Verbs
 * joined by a connective (收集、使用) share a group: they share their data.
 *
 * @param span the action mark, or null for an inferred verb
 */
record Act(Span span, int from, int to, String verb, int group) {
}
