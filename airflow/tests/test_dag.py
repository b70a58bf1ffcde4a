"""Checks the DAG files without Airflow: their syntax tree, and their Airflow-free helpers run alone."""
from __future__ import annotations

import ast
import os
import unittest
from datetime import timedelta
from pathlib import Path
from unittest import mock

DAGS = Path(__file__).resolve().parents[1] / "dags"
NIGHTLY = DAGS / "connekz_nightly.py"
TRAINING = DAGS / "connekz_training_example.py"
STAGES = ["ingest", "delete", "govern", "build", "audit"]
AIRFLOW_NAMES = {"DAG", "Asset", "SparkSubmitOperator", "BashOperator"}


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def airflow_free_namespace(tree: ast.Module, environment: dict[str, str]) -> dict:
    """Runs the module's top-level functions and constants that need no Airflow, under an environment."""
    kept = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if not (node.module if isinstance(node, ast.ImportFrom) else node.names[0].name).startswith("airflow"):
                kept.append(node)
        elif isinstance(node, ast.FunctionDef) and not (names_in(node) & AIRFLOW_NAMES):
            kept.append(node)
        elif isinstance(node, ast.Assign) and not (names_in(node.value) & AIRFLOW_NAMES):
            kept.append(node)
    namespace: dict = {}
    with mock.patch.dict(os.environ, environment, clear=True):
        exec(compile(ast.Module(body=kept, type_ignores=[]), "<dag>", "exec"), namespace)
    return namespace


def dag_call(tree: ast.Module) -> tuple[ast.Call, list[ast.stmt]]:
    for node in tree.body:
        if isinstance(node, ast.With):
            call = node.items[0].context_expr
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "DAG":
                return call, node.body
    raise AssertionError("no `with DAG(...)` block")


def keyword(call: ast.Call, name: str) -> ast.expr:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    raise AssertionError("missing keyword argument " + name)


def value_of(expr: ast.expr, namespace: dict):
    return eval(compile(ast.Expression(expr), "<expr>", "eval"), dict(namespace))


def chain(expr: ast.expr) -> list[str]:
    """Flattens ``a >> b >> c`` into ``["a", "b", "c"]``."""
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.RShift):
        return chain(expr.left) + chain(expr.right)
    if isinstance(expr, ast.Name):
        return [expr.id]
    raise AssertionError("unexpected element in dependency chain: " + ast.dump(expr))


class NightlyDagTest(unittest.TestCase):
    def setUp(self):
        self.tree = parse(NIGHTLY)
        self.call, self.body = dag_call(self.tree)
        self.ns = airflow_free_namespace(self.tree, {})

    def tasks(self) -> dict[str, ast.Call]:
        """Variable name in the DAG block to the call that creates its task."""
        return {node.targets[0].id: node.value for node in self.body
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)}

    def task_ids(self) -> dict[str, str]:
        return {name: call.args[0].value for name, call in self.tasks().items()}

    def test_imports_assets_for_airflow_3_and_datasets_for_airflow_2(self):
        tries = [n for n in self.tree.body if isinstance(n, ast.Try)]
        first = tries[0]
        self.assertEqual("airflow.sdk", first.body[0].module)
        self.assertIn("Asset", [a.name for a in first.body[0].names])
        fallback = first.handlers[0].body
        self.assertEqual("ImportError", first.handlers[0].type.id)
        dataset = [n for n in fallback if isinstance(n, ast.ImportFrom) and n.module == "airflow.datasets"]
        self.assertEqual([("Dataset", "Asset")], [(a.name, a.asname) for a in dataset[0].names])
        spark = [n for n in self.tree.body if isinstance(n, ast.ImportFrom)
                 and n.module == "airflow.providers.apache.spark.operators.spark_submit"]
        self.assertEqual("SparkSubmitOperator", spark[0].names[0].name)

    def test_settings_are_never_read_from_the_database_at_parse_time(self):
        self.assertNotIn("Variable", names_in(self.tree))
        self.assertEqual("{{ var.value.get('connekz_jar', '/opt/connekz/pipeline-all.jar') }}", self.ns["JAR"])
        with_env = airflow_free_namespace(self.tree, {"CONNEKZ_LAKE": "s3a://prod-lake", "CONNEKZ_CONF": "/etc/p.yaml"})
        self.assertEqual("{{ var.value.get('connekz_lake', 's3a://prod-lake') }}", with_env["LAKE"])
        self.assertEqual("{{ var.value.get('connekz_conf', '/etc/p.yaml') }}", with_env["CONF"])
        self.assertEqual("spark_default", self.ns["SPARK_CONN_ID"])

    def test_dag_runs_nightly_one_at_a_time_without_catch_up(self):
        self.assertEqual("connekz_nightly", value_of(keyword(self.call, "dag_id"), self.ns))
        self.assertEqual("0 2 * * *", value_of(keyword(self.call, "schedule"), self.ns))
        self.assertEqual(1, value_of(keyword(self.call, "max_active_runs"), self.ns))
        self.assertIs(False, value_of(keyword(self.call, "catchup"), self.ns))
        opted_in = airflow_free_namespace(self.tree, {"CONNEKZ_CATCHUP": "true"})
        self.assertIs(True, value_of(keyword(self.call, "catchup"), opted_in))

    def test_tasks_retry_with_exponential_back_off(self):
        self.assertEqual("DEFAULT_ARGS", keyword(self.call, "default_args").id)
        args = self.ns["DEFAULT_ARGS"]
        self.assertGreaterEqual(args["retries"], 2)
        self.assertIs(True, args["retry_exponential_backoff"])
        self.assertGreater(args["max_retry_delay"], args["retry_delay"])
        self.assertGreaterEqual(args["retry_delay"], timedelta(minutes=1))

    def test_one_task_per_stage_in_pipeline_order(self):
        ids = self.task_ids()
        self.assertEqual(STAGES, list(ids.values()))
        chains = [chain(n.value) for n in self.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.BinOp)]
        self.assertEqual(1, len(chains))
        self.assertEqual(STAGES, [ids[name] for name in chains[0]])

    def test_each_task_submits_the_pipeline_jar_with_its_stage(self):
        factory = next(n for n in self.tree.body if isinstance(n, ast.FunctionDef) and n.name == "stage_task")
        operator = next(n for n in ast.walk(factory) if isinstance(n, ast.Call)
                        and isinstance(n.func, ast.Name) and n.func.id == "SparkSubmitOperator")
        self.assertEqual("JAR", keyword(operator, "application").id)
        self.assertEqual("com.connekz.jobs.PipelineCommand", value_of(keyword(operator, "java_class"), self.ns))
        self.assertEqual("SPARK_CONN_ID", keyword(operator, "conn_id").id)
        self.assertEqual("stage", keyword(operator, "task_id").id)
        args = keyword(operator, "application_args")
        self.assertEqual("application_args", args.func.id)
        self.assertEqual("stage", args.args[0].id)

    def test_application_args_pass_the_run_date_and_settings(self):
        for stage in STAGES:
            with self.subTest(stage=stage):
                args = self.ns["application_args"](stage)
                self.assertEqual(stage, args[0])
                self.assertEqual("{{ ds }}", args[args.index("--run-date") + 1])
                self.assertEqual(self.ns["CONF"], args[args.index("--conf") + 1])
                self.assertEqual(self.ns["LAKE"], args[args.index("--lake") + 1])
                self.assertEqual("spark.master=" + self.ns["SPARK_MASTER"], args[args.index("--set") + 1])
                self.assertEqual("--json", args[-1])

    def test_audit_publishes_the_gold_datasets_as_assets(self):
        with_outlets = {self.task_ids()[name]: call for name, call in self.tasks().items()
                        if any(kw.arg == "outlets" for kw in call.keywords)}
        self.assertEqual(["audit"], list(with_outlets))
        self.assertEqual("PUBLISHED", keyword(with_outlets["audit"], "outlets").id)
        uris = self.ns["published_dataset_uris"]
        self.assertEqual(["s3://connekz-lake/gold/assistant"], uris("s3a://connekz-lake", ""))
        self.assertEqual(["s3://lake/gold/assistant", "s3://lake/gold/instances/i-1", "s3://lake/gold/instances/i-2"],
                         uris("s3a://lake/", "i-1, i-2,"))
        published = next(n for n in self.tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "PUBLISHED")
        self.assertIn("Asset", names_in(published.value))
        self.assertIn("published_dataset_uris", names_in(published.value))


class TrainingExampleDagTest(unittest.TestCase):
    def setUp(self):
        self.tree = parse(TRAINING)
        self.call, self.body = dag_call(self.tree)

    def test_is_scheduled_on_the_asset_the_nightly_run_publishes(self):
        schedule = keyword(self.call, "schedule")
        self.assertIsInstance(schedule, ast.List)
        self.assertEqual("ASSISTANT", schedule.elts[0].id)
        asset = next(n for n in self.tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "ASSISTANT")
        self.assertEqual("Asset", asset.value.func.id)
        nightly = airflow_free_namespace(parse(NIGHTLY), {})
        for lake in (nightly["DEFAULT_LAKE"], "s3a://prod-lake", "/data/lake"):
            with self.subTest(lake=lake):
                training = airflow_free_namespace(self.tree, {"CONNEKZ_LAKE": lake})
                published = nightly["published_dataset_uris"](lake, "")
                self.assertEqual(published[0], value_of(asset.value.args[0], training))

    def test_reads_the_pinned_version_from_the_run_conf(self):
        operator = next(n for n in ast.walk(self.tree) if isinstance(n, ast.Call)
                        and isinstance(n.func, ast.Name) and n.func.id == "BashOperator")
        env = keyword(operator, "env")
        keys = [k.value for k in env.keys]
        self.assertEqual(["DATASET", "DATASET_PATH", "DATASET_VERSION", "MANIFEST"], keys)
        self.assertIn("dag_run.conf.get('version'", ast.unparse(env))
        self.assertIn("dag_run.conf.get('manifest'", ast.unparse(env))


if __name__ == "__main__":
    unittest.main()
