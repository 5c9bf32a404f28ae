#!/usr/bin/env bash
# Checks 'privkg serve' with curl, a client privkg did not write.
#
#   .ci/serve-check.sh DB_DIR [POLICY_ID]
#
# Needs target/privkg.jar (mvn package) and a dataset loaded with 'privkg load' that holds
# POLICY_ID (default: gome). Starts the server read-only on a free port of 127.0.0.1, runs SPARQL
# queries (JSON and CSV results, a CONSTRUCT as JSON-LD), dereferences /id/policy/POLICY_ID as
# Turtle, fetches the ontology and the VoID description, checks that an update is refused, then
# stops the server with SIGTERM. A second run with --allow-update checks that an update without
# (or with wrong) credentials gets 401. Nothing is written to the dataset. Exits non-zero on the
# first failure, saying which check failed and showing the server's log.
set -u

DB=${1:?usage: .ci/serve-check.sh DB_DIR [POLICY_ID]}
POLICY=${2:-gome}
JAR=${PRIVKG_JAR:-target/privkg.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=(-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8)
PK='https://w3id.org/privkg/ontology#'

[ -f "$JAR" ] || { echo "serve-check: $JAR not found; run 'mvn -B package' first" >&2; exit 2; }
[ -d "$DB" ] || { echo "serve-check: no dataset directory $DB" >&2; exit 2; }
command -v curl >/dev/null || { echo "serve-check: curl is not installed" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/privkg-serve-check.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

FAILED=0
pass() { echo "serve-check: ok   $*"; }
fail() {
  echo "serve-check: FAIL $*" >&2
  echo "---- server stdout" >&2; cat "$WORK/out" >&2 2>/dev/null
  echo "---- server stderr" >&2; cat "$WORK/err" >&2 2>/dev/null
  exit 1
}

# Starts the server with the given extra options on a port it picks itself (--port 0, so no race
# for a "free" port), reads the port off the banner and waits until the SPARQL endpoint answers.
start() {
  : > "$WORK/out"; : > "$WORK/err"
  "$JAVA" "${JAVA_OPTS[@]}" -jar "$JAR" serve --db "$DB" --port 0 "$@" > "$WORK/out" 2> "$WORK/err" &
  SERVER_PID=$!
  PORT=
  for _ in $(seq 1 240); do
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited at start (exit $(wait "$SERVER_PID"; echo $?))"
    PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9][0-9]*\).*/\1/p' "$WORK/out" | head -n 1)
    if [ -n "$PORT" ] && curl -s -o /dev/null "http://127.0.0.1:$PORT/\$/ping"; then break; fi
    sleep 0.5
  done
  [ -n "$PORT" ] || fail "no banner with a port after 120 s"
  URL="http://127.0.0.1:$PORT"
  grep -q "$URL/privkg/sparql" "$WORK/out" || fail "the banner does not list $URL/privkg/sparql"
  pass "server up at $URL ($*)"
}

stop() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID"
  local code=$?
  SERVER_PID=
  # 143 = ended by SIGTERM after the shutdown hooks ran
  [ "$code" = 143 ] || [ "$code" = 0 ] || fail "the server exited with $code on SIGTERM"
  grep -q "stopped" "$WORK/err" || fail "no clean shutdown message on SIGTERM"
  pass "SIGTERM stopped the server cleanly"
}

QUERY="PREFIX pk: <$PK> SELECT ?id WHERE { ?p a pk:Policy ; pk:policyId ?id } ORDER BY ?id"

start

# SPARQL, JSON results
curl -sS -f -G --data-urlencode "query=$QUERY" -H 'Accept: application/sparql-results+json' \
  -o "$WORK/json" -w '%{content_type}' "$URL/privkg/sparql" > "$WORK/type" || fail "SPARQL query (JSON) failed"
grep -q '^application/sparql-results+json' "$WORK/type" || fail "JSON results came as $(cat "$WORK/type")"
grep -q '"bindings"' "$WORK/json" || fail "no bindings in the JSON results: $(head -c 300 "$WORK/json")"
grep -q "\"value\" *: *\"$POLICY\"" "$WORK/json" || fail "policy $POLICY is not in the JSON results (is it loaded in $DB?)"
pass "SPARQL SELECT as JSON lists policy $POLICY"

# SPARQL, CSV results, by POST
curl -sS -f --data-urlencode "query=$QUERY" -H 'Accept: text/csv' -o "$WORK/csv" "$URL/privkg/sparql" \
  || fail "SPARQL query (CSV, POST) failed"
tr -d '\r' < "$WORK/csv" > "$WORK/csv.txt"
[ "$(head -n 1 "$WORK/csv.txt")" = "id" ] || fail "the CSV header is not 'id': $(head -n 1 "$WORK/csv.txt")"
grep -qx "$POLICY" "$WORK/csv.txt" || fail "policy $POLICY is not in the CSV results"
pass "SPARQL SELECT as CSV (POST) lists policy $POLICY"

# CONSTRUCT as JSON-LD
curl -sS -f -G --data-urlencode "query=PREFIX pk: <$PK> CONSTRUCT { ?p pk:policyId ?id } WHERE { ?p pk:policyId ?id }" \
  -H 'Accept: application/ld+json' -o "$WORK/jsonld" -w '%{content_type}' "$URL/privkg/query" > "$WORK/type" \
  || fail "CONSTRUCT as JSON-LD failed"
grep -q '^application/ld+json' "$WORK/type" || fail "JSON-LD came as $(cat "$WORK/type")"
grep -q "\"$POLICY\"" "$WORK/jsonld" || fail "policy $POLICY is not in the JSON-LD"
pass "SPARQL CONSTRUCT as JSON-LD"

# bundled query with a parameter
curl -sS -f -G --data-urlencode "policy=$POLICY" -H 'Accept: text/csv' -o "$WORK/named" \
  "$URL/privkg/queries/who-collects-what" || fail "bundled query who-collects-what failed"
head -n 1 "$WORK/named" | grep -q '^policyId,' || fail "bundled query: unexpected header $(head -n 1 "$WORK/named")"
pass "bundled query who-collects-what?policy=$POLICY"

# linked data: the policy as Turtle
curl -sS -f -H 'Accept: text/turtle' -o "$WORK/ttl" -w '%{content_type}' "$URL/id/policy/$POLICY" > "$WORK/type" \
  || fail "GET /id/policy/$POLICY failed (is policy $POLICY loaded in $DB?)"
grep -q '^text/turtle' "$WORK/type" || fail "/id/policy/$POLICY came as $(cat "$WORK/type")"
grep -q 'pk:policyId' "$WORK/ttl" || fail "no pk:policyId in the description of policy $POLICY"
grep -q "\"$POLICY\"" "$WORK/ttl" || fail "the description of policy $POLICY lacks its id"
pass "/id/policy/$POLICY dereferences as Turtle"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/turtle' "$URL/id/policy/no-such-policy-$$")
[ "$code" = 404 ] || fail "an unknown IRI gave $code, not 404"
pass "an unknown IRI is 404"

# ontology and VoID
curl -sS -f -o "$WORK/onto" -w '%{content_type}' "$URL/ontology" > "$WORK/type" || fail "GET /ontology failed"
grep -q '^text/turtle' "$WORK/type" || fail "/ontology came as $(cat "$WORK/type"), not Turtle"
grep -q 'DataPractice' "$WORK/onto" || fail "/ontology lacks pk:DataPractice"
curl -sS -f -o "$WORK/void" "$URL/.well-known/void" || fail "GET /.well-known/void failed"
grep -q "void:sparqlEndpoint *<$URL/privkg/sparql>" "$WORK/void" || fail "the VoID description lacks void:sparqlEndpoint"
grep -q 'void:triples' "$WORK/void" || fail "the VoID description lacks void:triples"
pass "/ontology and /.well-known/void"

# CORS preflight, as a browser SPARQL client sends it
curl -sS -i -X OPTIONS -H 'Origin: https://yasgui.example' -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: content-type' "$URL/privkg/sparql" > "$WORK/cors" || fail "CORS preflight failed"
grep -qi '^access-control-allow-origin: \*' "$WORK/cors" || fail "no Access-Control-Allow-Origin on the preflight"
pass "CORS preflight"

# updates: refused on a read-only server
code=$(curl -s -o "$WORK/upd" -w '%{http_code}' --data-urlencode 'update=INSERT DATA { <urn:privkg:check> <urn:privkg:p> 1 }' \
  "$URL/privkg/update")
case "$code" in 404|405) ;; *) fail "an update on a read-only server gave $code" ;; esac
pass "an update on a read-only server is refused ($code)"

stop

# updates: with --allow-update, none without the right credentials
PRIVKG_PASSWORD="check-$$-$RANDOM" start --allow-update
code=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode 'update=INSERT DATA { <urn:privkg:check> <urn:privkg:p> 1 }' \
  "$URL/privkg/update")
[ "$code" = 401 ] || fail "an update without credentials gave $code, not 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:wrong-password \
  --data-urlencode 'update=INSERT DATA { <urn:privkg:check> <urn:privkg:p> 1 }' "$URL/privkg/update")
[ "$code" = 401 ] || fail "an update with a wrong password gave $code, not 401"
curl -sS -f -G --data-urlencode 'query=ASK { <urn:privkg:check> ?p ?o }' -H 'Accept: text/csv' "$URL/privkg/sparql" \
  | tr -d '\r' | grep -qx 'false' || fail "a refused update changed the dataset"
pass "updates without (or with wrong) credentials get 401 and change nothing"
stop

echo "serve-check: all checks passed"
