"""Nightly run of the Connekz training-data pipeline.

Five tasks, each a spark-submit of the project's jar (``com.connekz.jobs.PipelineCommand``):
ingest >> delete >> govern >> build >> audit. The audit task publishes the gold datasets as
Airflow Assets (Datasets on Airflow 2), so a training DAG can be scheduled on them.

Settings are Airflow Variables, read when a task runs (Jinja), never while the file is parsed; each
Variable falls back to an environment variable of the scheduler, then to the default below.

=====================  =========================  ==========================================
Variable               environment fallback       default
=====================  =========================  ==========================================
connekz_jar            CONNEKZ_JAR                /opt/connekz/pipeline-all.jar
connekz_conf           CONNEKZ_CONF               /opt/connekz/conf/pipeline.yaml
connekz_lake           CONNEKZ_LAKE               s3a://connekz-lake
connekz_spark_master   CONNEKZ_SPARK_MASTER       spark://spark-master:7077
=====================  =========================  ==========================================

Read when the file is parsed (Airflow needs them before any run): the Spark connection id
(``CONNEKZ_SPARK_CONN_ID``, default ``spark_default``), the lake URI that names the published
assets (``CONNEKZ_LAKE``), the instance ids whose datasets are declared as assets
(``CONNEKZ_INSTANCES``, comma-separated), and the schedule (``CONNEKZ_SCHEDULE``, default 02:00 UTC).
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

try:  # Airflow 3
    from airflow.sdk import DAG, Asset
except ImportError:  # Airflow 2.9+
    from airflow import DAG
    from airflow.datasets import Dataset as Asset

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

MAIN_CLASS = "com.connekz.jobs.PipelineCommand"
STAGES = ["ingest", "delete", "govern", "build", "audit"]

DEFAULT_JAR = "/opt/connekz/pipeline-all.jar"
DEFAULT_CONF = "/opt/connekz/conf/pipeline.yaml"
DEFAULT_LAKE = "s3a://connekz-lake"
DEFAULT_SPARK_MASTER = "spark://spark-master:7077"

SPARK_CONN_ID = os.environ.get("CONNEKZ_SPARK_CONN_ID", "spark_default")
SCHEDULE = os.environ.get("CONNEKZ_SCHEDULE", "0 2 * * *")
CATCHUP = os.environ.get("CONNEKZ_CATCHUP", "false").lower() == "true"


def variable(name: str, env: str, default: str) -> str:
    """A Jinja expression that reads Variable ``name`` when the task runs, else the env or default."""
    fallback = os.environ.get(env, default)
    return "{{ var.value.get(%r, %r) }}" % (name, fallback)


JAR = variable("connekz_jar", "CONNEKZ_JAR", DEFAULT_JAR)
CONF = variable("connekz_conf", "CONNEKZ_CONF", DEFAULT_CONF)
LAKE = variable("connekz_lake", "CONNEKZ_LAKE", DEFAULT_LAKE)
SPARK_MASTER = variable("connekz_spark_master", "CONNEKZ_SPARK_MASTER", DEFAULT_SPARK_MASTER)


def application_args(stage: str) -> list[str]:
    """The pipeline command line of one stage; ``--set spark.master`` keeps it out of local mode."""
    return [
        stage,
        "--conf", CONF,
        "--lake", LAKE,
        "--run-date", "{{ ds }}",
        "--set", "spark.master=" + SPARK_MASTER,
        "--json",
    ]


def published_dataset_uris(lake: str, instances: str) -> list[str]:
    """The gold datasets the audit task publishes, as asset URIs (s3a:// is named s3:// in Airflow)."""
    root = lake.rstrip("/")
    if root.startswith("s3a://"):
        root = "s3://" + root[len("s3a://"):]
    names = ["assistant"] + ["instances/" + i.strip() for i in instances.split(",") if i.strip()]
    return [root + "/gold/" + name for name in names]


PUBLISHED = [Asset(uri) for uri in published_dataset_uris(
    os.environ.get("CONNEKZ_LAKE", DEFAULT_LAKE), os.environ.get("CONNEKZ_INSTANCES", ""))]

DEFAULT_ARGS = {
    "owner": "data-platform",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
}


def stage_task(stage: str, outlets: list | None = None) -> SparkSubmitOperator:
    return SparkSubmitOperator(
        task_id=stage,
        conn_id=SPARK_CONN_ID,
        application=JAR,
        java_class=MAIN_CLASS,
        name="connekz-" + stage,
        application_args=application_args(stage),
        outlets=outlets or [],
    )


with DAG(
    dag_id="connekz_nightly",
    description="Ingest, delete, govern, build and audit the training datasets",
    schedule=SCHEDULE,
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=CATCHUP,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["connekz", "training-data"],
) as dag:
    ingest = stage_task("ingest")
    delete = stage_task("delete")
    govern = stage_task("govern")
    build = stage_task("build")
    audit = stage_task("audit", outlets=PUBLISHED)

    ingest >> delete >> govern >> build >> audit
