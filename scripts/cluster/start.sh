#!/usr/bin/env bash
# Starts a Spark standalone master and one worker on 127.0.0.1 from the Maven classpath, in the
# background, and returns once the master accepts connections. Pid files and logs: target/cluster/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if pid_alive "$CLUSTER_STATE/master.pid" && port_answers "$CLUSTER_HOST" "$CLUSTER_PORT"; then
    echo "cluster already running at $CLUSTER_MASTER"
    exit 0
fi
if port_answers "$CLUSTER_HOST" "$CLUSTER_PORT"; then
    echo "cluster: port $CLUSTER_PORT is taken by a process this script did not start; set CLUSTER_PORT" >&2
    exit 1
fi

# Spark (provided) and the libraries the jar runs with, but not our own code, which the app jar brings:
# copied once per pom change to be the cluster's jars.
if [[ ! -f "$SPARK_HOME/jars/.copied" || "$ROOT/jobs/pom.xml" -nt "$SPARK_HOME/jars/.copied" || "$ROOT/pom.xml" -nt "$SPARK_HOME/jars/.copied" || "$ROOT/pipeline/pom.xml" -nt "$SPARK_HOME/jars/.copied" || "$0" -nt "$SPARK_HOME/jars/.copied" ]]; then
    echo "cluster: copying Spark's jars to $SPARK_HOME/jars"
    rm -rf "$SPARK_HOME/jars"
    for scope in provided runtime; do  # runtime means compile and runtime; together: all but test
        mvn -B -o -q -f "$ROOT/pom.xml" -pl jobs dependency:copy-dependencies \
            -DincludeScope="$scope" -DexcludeGroupIds=com.connekz -DoutputDirectory="$SPARK_HOME/jars"
    done
    touch "$SPARK_HOME/jars/.copied"
fi

mkdir -p "$CLUSTER_STATE"
# shellcheck disable=SC2086
nohup java $SPARK_JVM_FLAGS -Xmx512m -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host "$CLUSTER_HOST" --port "$CLUSTER_PORT" --webui-port 0 \
    >"$CLUSTER_STATE/master.log" 2>&1 &
echo $! >"$CLUSTER_STATE/master.pid"

for _ in $(seq 1 60); do
    port_answers "$CLUSTER_HOST" "$CLUSTER_PORT" && break
    pid_alive "$CLUSTER_STATE/master.pid" || { echo "cluster: master exited, see $CLUSTER_STATE/master.log" >&2; exit 1; }
    sleep 1
done
port_answers "$CLUSTER_HOST" "$CLUSTER_PORT" || { echo "cluster: master did not answer in 60 s" >&2; exit 1; }

# shellcheck disable=SC2086
nohup java $SPARK_JVM_FLAGS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host "$CLUSTER_HOST" --webui-port 0 --cores "$CLUSTER_WORKER_CORES" --memory "$CLUSTER_WORKER_MEMORY" \
    --work-dir "$CLUSTER_STATE/work" "$CLUSTER_MASTER" \
    >"$CLUSTER_STATE/worker.log" 2>&1 &
echo $! >"$CLUSTER_STATE/worker.pid"

for _ in $(seq 1 60); do
    grep -q "Successfully registered with master" "$CLUSTER_STATE/worker.log" 2>/dev/null && break
    pid_alive "$CLUSTER_STATE/worker.pid" || { echo "cluster: worker exited, see $CLUSTER_STATE/worker.log" >&2; exit 1; }
    sleep 1
done
grep -q "Successfully registered with master" "$CLUSTER_STATE/worker.log" \
    || { echo "cluster: worker did not register in 60 s, see $CLUSTER_STATE/worker.log" >&2; exit 1; }
echo "cluster running at $CLUSTER_MASTER (logs in $CLUSTER_STATE)"
