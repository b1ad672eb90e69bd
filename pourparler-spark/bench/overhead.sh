#!/usr/bin/env bash
# Measures Spark's overhead: the same tournament with LocalRunner (2 threads) and with Spark local[2],
# each in a fresh JVM, wall-clock for the whole process and the in-process time each prints.
#   usage: [REPEAT=3] pourparler-spark/bench/overhead.sh SPEC.yaml [SPEC.yaml ...]
# Needs: mvn -pl pourparler-core,pourparler-parquet,pourparler-spark package -DskipTests (for target/pourparler-spark.jar).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
jar="$module/target/pourparler-spark.jar"
[ -f "$jar" ] || { echo "build $jar first: mvn -pl pourparler-core,pourparler-parquet,pourparler-spark package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Spark's jars from the local Maven repository (what a Spark installation would provide); no pourparler jars but the shaded one
(cd "$root" && mvn -q -o -pl pourparler-spark dependency:build-classpath -Dmdep.includeScope=provided \
    -Dmdep.excludeGroupIds=org.pourparler -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$jar:$(cat "$work/cp.txt")"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" "$here/LocalTournament.java"
opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
opens="$opens --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"
log4j="$work/log4j2.properties"
printf 'rootLogger.level = error\nrootLogger.appenderRef.stderr.ref = console\nappender.console.type = Console\nappender.console.name = console\nappender.console.target = SYSTEM_ERR\nappender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %%p %%c{1}: %%m%%n\n' > "$log4j"
export SPARK_LOCAL_IP=127.0.0.1      # local mode: stay on the loopback interface
for spec in "$@"; do
  echo "== $spec"
  for i in $(seq "${REPEAT:-3}"); do
    s=$(date +%s.%N)
    java -cp "$work/classes:$jar" LocalTournament "$spec" 2
    echo "   LocalRunner, 2 threads: process $(echo "$(date +%s.%N) - $s" | bc | xargs printf '%.1f') s"
    s=$(date +%s.%N)
    java $opens -Dlog4j2.configurationFile="$log4j" -Dspark.ui.enabled=false -cp "$cp" \
        org.pourparler.spark.SparkTournament --master 'local[2]' "$spec" "$work/out-$i-$RANDOM" 2>&1 | grep -v 'incubator modules'
    echo "   Spark local[2]:         process $(echo "$(date +%s.%N) - $s" | bc | xargs printf '%.1f') s"
  done
done
