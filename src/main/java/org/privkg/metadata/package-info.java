/**
 * What a corpus knows about each policy beside its text (app name, sector, version date, source URL and
 * any other column of a CSV file), stored with Dublin Core and DCAT terms in a named graph of its own
 * ({@code load --meta}).
 */
package org.privkg.metadata;
