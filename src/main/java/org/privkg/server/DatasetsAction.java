package org.privkg.server;

import org.apache.jena.atlas.json.JsonBuilder;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.ctl.ActionContainerItem;
import org.apache.jena.fuseki.ctl.JsonDescription;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.ServerConst;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;

/**
 * GET {@code /$/datasets} and {@code /$/datasets/NAME}, answered as Fuseki's admin module answers them
 * (its JSON, from Fuseki's own {@link JsonDescription}), but read-only: adding or removing a dataset is refused.
 */
final class DatasetsAction extends ActionContainerItem {
    @Override
    public void validate(HttpAction action) {
    }

    @Override
    protected JsonValue execGetContainer(HttpAction action) {
        JsonBuilder builder = new JsonBuilder();
        builder.startObject();
        builder.key(ServerConst.datasets);
        JsonDescription.arrayDatasets(builder, action.getDataAccessPointRegistry());
        builder.finishObject();
        return builder.build();
    }

    @Override
    protected JsonValue execGetItem(HttpAction action) {
        DataAccessPoint access = getItemDataAccessPoint(action, getItemDatasetName(action));
        if (access == null) ServletOps.errorNotFound("no dataset " + getItemDatasetName(action));
        JsonBuilder builder = new JsonBuilder();
        JsonDescription.describe(builder, access);
        return builder.build();
    }

    @Override
    protected JsonValue execPostContainer(HttpAction action) {
        return refuse();
    }

    @Override
    protected JsonValue execPostItem(HttpAction action) {
        return refuse();
    }

    @Override
    protected void execDeleteContainer(HttpAction action) {
        refuse();
    }

    @Override
    protected void execDeleteItem(HttpAction action) {
        refuse();
    }

    private static JsonValue refuse() {
        ServletOps.errorMethodNotAllowed("datasets are not added or removed over HTTP here; privkg serves one");
        return null;
    }
}
