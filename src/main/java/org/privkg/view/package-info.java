/**
 * What people see of the graph: a policy's data flows read from its named graph, drawn as SVG, its text with
 * the marks highlighted, and the corpus figures of the dashboard. Plain HTML strings, shared by the server's
 * pages and the self-contained report; every value taken from a policy goes through {@link org.privkg.view.Html#esc}.
 */
package org.privkg.view;
