#!/usr/bin/env bash
# A Spark standalone cluster on this machine, loopback only, from the Spark jars the csdsim build
# already fetched (no Spark download): one master and one worker, for trying --spark spark://... and
# for the README's measurements.
#   bench/cluster/standalone.sh start [CORES] [MEMORY]   # prints the master URL
#   bench/cluster/standalone.sh stop
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="$ROOT/simulator/spark/target"
HERE="$ROOT/bench/cluster/target"
PORT="${CSDSIM_SPARK_PORT:-7077}"

case "${1:-}" in
  start)
    CORES="${2:-2}"; MEMORY="${3:-8g}"
    if [ ! -f "$TARGET/spark-home-classpath.txt" ]; then
      (cd "$ROOT" && mvn -q -B -DskipTests -pl simulator/spark -am package)
    fi
    # A Spark home as a distribution lays it out: jars/ holds Spark's jars (links to the Maven ones).
    rm -rf "$HERE/spark-home"; mkdir -p "$HERE/spark-home/jars" "$HERE/work" "$HERE/logs"
    tr ':' '\n' < "$TARGET/spark-home-classpath.txt" | while read -r jar; do ln -s "$jar" "$HERE/spark-home/jars/"; done
    export SPARK_HOME="$HERE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    # shellcheck disable=SC2046
    CP="$HERE/spark-home/jars/*"
    nohup java @"$TARGET/spark-jvm.args" -Xmx1g -cp "$CP" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$PORT" --webui-port 0 > "$HERE/logs/master.log" 2>&1 &
    echo $! > "$HERE/master.pid"
    for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.2; done
    nohup java @"$TARGET/spark-jvm.args" -Xmx1g -cp "$CP" org.apache.spark.deploy.worker.Worker \
      "spark://127.0.0.1:$PORT" --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" --webui-port 0 \
      --work-dir "$HERE/work" > "$HERE/logs/worker.log" 2>&1 &
    echo $! > "$HERE/worker.pid"
    echo "spark://127.0.0.1:$PORT"
    ;;
  stop)
    for d in worker master; do
      if [ -f "$HERE/$d.pid" ]; then
        pkill -P "$(cat "$HERE/$d.pid")" 2>/dev/null || true
        kill "$(cat "$HERE/$d.pid")" 2>/dev/null || true
        rm -f "$HERE/$d.pid"
      fi
    done
    ;;
  *) echo "usage: $0 start [CORES] [MEMORY] | stop" >&2; exit 2 ;;
esac
