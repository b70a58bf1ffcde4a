# Settings shared by the one-machine Spark standalone cluster scripts; sourced, not run.
# Override any of them from the environment.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SPARK_HOME="${SPARK_HOME:-$ROOT/spark-home}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# The worker builds executor command lines with Spark's launcher, which otherwise looks for a source build.
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
CLUSTER_HOST="${CLUSTER_HOST:-127.0.0.1}"
CLUSTER_PORT="${CLUSTER_PORT:-7077}"
CLUSTER_MASTER="spark://$CLUSTER_HOST:$CLUSTER_PORT"
CLUSTER_WORKER_CORES="${CLUSTER_WORKER_CORES:-2}"
CLUSTER_WORKER_MEMORY="${CLUSTER_WORKER_MEMORY:-2g}"
CLUSTER_STATE="${CLUSTER_STATE:-$ROOT/target/cluster}"
APP_JAR="${APP_JAR:-$ROOT/jobs/target/pipeline-all.jar}"

# The same flags as the root pom's spark.jvm.flags: Spark's own --add-opens list for Java 17.
SPARK_JVM_FLAGS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"

# Whether something answers on host:port.
port_answers() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Whether the process in pid file $1 is alive.
pid_alive() {
    [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}
