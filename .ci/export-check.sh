#!/usr/bin/env bash
# Exports a privkg dataset in every format and checks each file with a parser other than the one that
# wrote it: Debian's rapper (raptor2-utils) for Turtle, N-Quads and TriG; for JSON-LD rdflib when it is
# installed, else Jena's riot from the jar. Also checks that the export is deterministic and that the
# CSV/JSON practice tables are well formed.
#
# usage: .ci/export-check.sh DB_DIR        (needs target/privkg.jar: mvn -B package)
# Exits non-zero on the first failure.
set -euo pipefail

db="${1:?usage: $0 DB_DIR}"
jar="target/privkg.jar"
[ -d "$db" ] || { echo "export-check: no dataset at $db" >&2; exit 2; }
[ -f "$jar" ] || { echo "export-check: $jar missing; run 'mvn -B package' first" >&2; exit 2; }
command -v rapper >/dev/null || { echo "export-check: rapper not found (apt-get install raptor2-utils)" >&2; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
java_opts=(-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8)
privkg() { java "${java_opts[@]}" -jar "$jar" "$@"; }
fail() { echo "export-check: FAIL: $*" >&2; exit 1; }

for fmt in ttl trig nq jsonld csv json; do
  privkg export --db "$db" --format "$fmt" -o "$out/privkg.$fmt" || fail "export --format $fmt"
  [ -s "$out/privkg.$fmt" ] || fail "export --format $fmt wrote nothing"
done
privkg export --db "$db" --format trig --with-ontology -o "$out/with-ontology.trig" || fail "export --with-ontology"

# rapper -c: count the triples, exit 1 on a syntax error
count() { # syntax file
  local log
  log="$(rapper -i "$1" -c "$2" 2>&1)" || { echo "$log" >&2; fail "rapper -i $1 rejects $(basename "$2")"; }
  echo "$log" | sed -n 's/.*returned \([0-9][0-9]*\) triples.*/\1/p' | tail -n 1
}
ttl=$(count turtle "$out/privkg.ttl")
nq=$(count nquads "$out/privkg.nq")
echo "export-check: turtle ok ($ttl triples), n-quads ok ($nq quads)"

if rapper --help 2>&1 | grep -qw trig; then
  trig=$(count trig "$out/privkg.trig")
  count trig "$out/with-ontology.trig" >/dev/null
  [ "$trig" = "$nq" ] || fail "TriG has $trig quads but N-Quads $nq"
  echo "export-check: trig ok ($trig quads, as in N-Quads)"
else
  privkg_riot() { java "${java_opts[@]}" -cp "$jar" riotcmd.riot "$@"; }
  privkg_riot --validate "$out/privkg.trig" "$out/with-ontology.trig" || fail "riot rejects the TriG export"
  echo "export-check: trig ok (rapper has no TriG parser here; checked with riot)"
fi
[ "$ttl" -le "$nq" ] || fail "Turtle (the union) has more triples ($ttl) than the quads ($nq)"

if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
  /usr/bin/python3 - "$out/privkg.jsonld" "$out/privkg.nq" <<'PY' || fail "JSON-LD does not read back as the N-Quads"
import sys, rdflib
a = rdflib.ConjunctiveGraph(); a.parse(sys.argv[1], format="json-ld")
b = rdflib.ConjunctiveGraph(); b.parse(sys.argv[2], format="nquads")
qa = {(s, p, o, c.identifier) for s, p, o, c in a.quads()}
qb = {(s, p, o, c.identifier) for s, p, o, c in b.quads()}
if qa != qb:
    print("only in JSON-LD:", list(qa - qb)[:3], "only in N-Quads:", list(qb - qa)[:3], file=sys.stderr)
    sys.exit(1)
print(f"export-check: json-ld ok (rdflib reads the same {len(qa)} quads as the N-Quads)")
PY
else
  java "${java_opts[@]}" -cp "$jar" riotcmd.riot --validate "$out/privkg.jsonld" || fail "riot rejects the JSON-LD export"
  echo "export-check: json-ld ok (checked with riot; install python3-rdflib for an independent parser)"
fi

if command -v python3 >/dev/null; then
  python3 - "$out/privkg.csv" "$out/privkg.json" <<'PY' || fail "the practice tables are malformed"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
bad = [i for i, r in enumerate(body, 2) if len(r) != len(header)]
if bad:
    sys.exit(f"CSV rows with the wrong number of fields: {bad[:5]}")
records = json.load(open(sys.argv[2], encoding="utf-8"))
if len(records) != len(body) or (records and list(records[0]) != header):
    sys.exit(f"CSV has {len(body)} rows, JSON {len(records)} records (or the columns differ)")
print(f"export-check: csv and json ok ({len(body)} rows of {len(header)} columns)")
PY
fi

# the same data must give the same bytes
privkg export --db "$db" --format ttl -o "$out/again.ttl"
cmp -s "$out/privkg.ttl" "$out/again.ttl" || fail "two Turtle exports of the same dataset differ"
echo "export-check: exports are deterministic"
echo "export-check: all exports parse"
