// The SPARQL page: YASGUI on this server's endpoint, the bundled queries one click away (run by the server with
// their parameters bound, never pasted into the text), and a query given in the address (?query=) run at once.
(function () {
  "use strict";
  var page = document.getElementById("editor");
  var yasgui = new Yasgui(page, {
    requestConfig: { endpoint: new URL(page.dataset.endpoint, window.location.href).href, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    yasqe: { resizeable: true, editorHeight: "260px" },
    yasr: { prefixes: {} }
  });
  var tab = yasgui.getTab();
  var status = document.getElementById("editor-status");
  var given = new URLSearchParams(window.location.search).get("query");
  if (given) {
    tab.setQuery(given);
    tab.query();
  }
  document.querySelectorAll("form.bundled").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = form.dataset.name;
      tab.setQuery(form.querySelector("textarea.query-text").value);
      var params = new URLSearchParams(new FormData(form));
      var started = Date.now();
      status.textContent = "Running " + name + " …";
      fetch(page.dataset.queries + "/" + encodeURIComponent(name) + "?" + params.toString(),
          { headers: { Accept: "application/sparql-results+json" } })
        .then(function (res) {
          return res.text().then(function (body) {
            if (!res.ok) throw new Error(body);
            return body;
          });
        })
        .then(function (body) {
          tab.getYasr().setResponse({ data: body, contentType: "application/sparql-results+json", status: 200 }, Date.now() - started);
          status.textContent = name + ": done.";
        })
        .catch(function (e) { status.textContent = name + ": " + e.message; });
    });
  });
})();
