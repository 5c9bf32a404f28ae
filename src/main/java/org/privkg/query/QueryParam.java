package org.privkg.query;

/** A parameter a bundled query declares in its header: binds ?name, a string literal. */
public record QueryParam(String name, String defaultValue, String description) {
}
