#!/usr/bin/env bash
# spark-submit of the pipeline jar to the one-machine cluster, without a spark-submit binary:
# Spark's own SparkSubmit class on the cluster's classpath. Arguments are the pipeline's command line,
# e.g. scripts/cluster/submit.sh nightly --lake /tmp/lake --json
# (--set spark.master=... is appended: the pipeline must not fall back to local mode).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ -f "$APP_JAR" ]] || { echo "submit: $APP_JAR not found; run mvn -o -DskipTests package first" >&2; exit 1; }
[[ -d "$SPARK_HOME/jars" ]] || { echo "submit: no $SPARK_HOME/jars; run scripts/cluster/start.sh first" >&2; exit 1; }

# Sized for this one machine; a real cluster leaves these to its defaults or spark-defaults.conf.
# shellcheck disable=SC2086
exec java $SPARK_JVM_FLAGS -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$CLUSTER_MASTER" \
    --deploy-mode client \
    --class com.connekz.jobs.PipelineCommand \
    --name connekz-pipeline \
    --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.executor.memory=1g \
    --conf spark.cores.max="$CLUSTER_WORKER_CORES" \
    --conf spark.sql.shuffle.partitions=2 \
    --conf spark.default.parallelism=2 \
    --conf spark.databricks.delta.snapshotPartitions=2 \
    --conf spark.sql.sources.parallelPartitionDiscovery.parallelism=4 \
    "$APP_JAR" \
    "$@" --set "spark.master=$CLUSTER_MASTER"
