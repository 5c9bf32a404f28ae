/**
 * What people see of the graph: a policy's data flows read from its named graph, drawn as SVG, its text with
 * the marks highlighted, and the corpus figures of the dashboard, shared by the server's pages and the
 * self-contained report. Pages are jsoup documents ({@link org.privkg.view.Markup}): values reach them only as
 * text or attribute values, which jsoup escapes when it writes the page.
 */
package org.privkg.view;
