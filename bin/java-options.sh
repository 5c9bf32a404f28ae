# JVM options for privkg, one rule for bin/privkg and bin/benchmark (sourced, not run).
#
# privkg_java_opts COMMAND prints them: the heap (PRIVKG_JAVA_OPTS, default -Xmx768m, under which a
# 10,000-policy load stays below 1 GB resident), the garbage collector, the string layout for batch
# commands, and UTF-8 for Java 17, which otherwise takes its charset from the locale.
privkg_java_opts() {
  local opts="${PRIVKG_JAVA_OPTS:--Xmx768m}"
  # Batch commands (extract, load, ...) are throughput jobs: the parallel collector's cheaper write
  # barriers, and no compact strings (Chinese text never fits Java's one-byte layout, so every string
  # operation would first check which layout it has). serve keeps Java's defaults (G1's short pauses).
  # A setting in PRIVKG_JAVA_OPTS wins. Paired measurements: README, "Commands".
  if [ "${1:-}" != serve ]; then
    [[ "$opts" == *-XX:+Use*GC* ]] || opts="$opts -XX:+UseParallelGC"
    [[ "$opts" == *CompactStrings* ]] || opts="$opts -XX:-CompactStrings"
  fi
  echo "$opts -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
}
