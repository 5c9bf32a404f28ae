package org.privkg.extract;

/** A data-hierarchy edge: the child item is a kind or part of the parent item (labels). */
public record Broader(String child, String parent) {
}
