package org.privkg.annotation;

/** A headed part of a policy; {@code parent} is the index of the enclosing section or -1. */
public record Section(int index, int level, String heading, long line, int parent) {
}
