# JVM options for privkg, one rule for bin/privkg and bin/benchmark (sourced, not run).
#
# privkg_java_opts COMMAND prints them: the heap (PRIVKG_JAVA_OPTS, default -Xmx768m, under which a
# 10,000-policy load stays below 1 GB resident), the garbage collector, the string layout for batch
# commands, and UTF-8 for Java 17, which otherwise takes its charset from the locale.
privkg_java_opts() {
  local opts="${PRIVKG_JAVA_OPTS:--Xmx768m}"
  # Batch commands (extract, load, ...) are throughput jobs: with the parallel collector's cheaper
  # write barriers a load was 7% faster (median of 5 pairs) and extraction 1.11-1.59x as fast (3 pairs)
  # as with the default G1 on 2 cores. serve keeps G1's short pauses. A collector named in PRIVKG_JAVA_OPTS wins.
  if [ "${1:-}" != serve ] && [[ "$opts" != *-XX:+Use*GC* ]]; then
    opts="$opts -XX:+UseParallelGC"
  fi
  # Chinese text never fits Java's one-byte string layout, so with compact strings every string
  # operation first checks which layout it has and mixed text is widened on the way; without them,
  # over 1,000 policies, load took 0.91x the wall time at the same peak RSS (median of 5 pairs) and
  # extract --format nq 0.96x (median of 7 pairs). Measured for batch commands only; a setting in
  # PRIVKG_JAVA_OPTS wins.
  if [ "${1:-}" != serve ] && [[ "$opts" != *CompactStrings* ]]; then
    opts="$opts -XX:-CompactStrings"
  fi
  echo "$opts -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
}
