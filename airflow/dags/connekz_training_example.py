"""Example training DAG: runs when the nightly run publishes the assistant dataset, or when an ML
engineer launches it on a pinned version with ``bin/pipeline launch-training``.

A launch passes ``{dataset, dataset_path, version, manifest}`` as the run's conf; a run started by
the asset has no conf and trains on the latest published version. Replace the task with the real
training job; keep reading the dataset from the conf so that a pinned version stays pinned.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

try:  # Airflow 3
    from airflow.sdk import DAG, Asset
except ImportError:  # Airflow 2.9+
    from airflow import DAG
    from airflow.datasets import Dataset as Asset

try:  # Airflow 3 ships BashOperator in the standard provider
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:
    from airflow.operators.bash import BashOperator

LAKE = os.environ.get("CONNEKZ_LAKE", "s3a://connekz-lake").rstrip("/")
ASSET_ROOT = "s3://" + LAKE[len("s3a://"):] if LAKE.startswith("s3a://") else LAKE
ASSISTANT = Asset(ASSET_ROOT + "/gold/assistant")

with DAG(
    dag_id="connekz_training_example",
    description="Train on a published, audited dataset version",
    schedule=[ASSISTANT],
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["connekz", "training"],
) as dag:
    BashOperator(
        task_id="train",
        bash_command='echo "training on $DATASET version $DATASET_VERSION from $DATASET_PATH (manifest $MANIFEST)"',
        env={
            "DATASET": "{{ dag_run.conf.get('dataset', 'assistant') }}",
            "DATASET_PATH": "{{ dag_run.conf.get('dataset_path', '" + LAKE + "/gold/assistant') }}",
            "DATASET_VERSION": "{{ dag_run.conf.get('version', 'latest') }}",
            "MANIFEST": "{{ dag_run.conf.get('manifest', '') }}",
        },
    )
