"""The notebooks' helper: settings, JSON parsing, placeholder counting and the redacted display of misses."""

import os
import stat
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import connekz_cli as cz  # noqa: E402


class SettingsTest(unittest.TestCase):
    def test_defaults_are_the_repository_lake_and_command_line(self):
        found = cz.settings({})
        self.assertEqual(found["lake"], cz.REPO / "lake")
        self.assertEqual(found["pipeline"], cz.REPO / "bin" / "pipeline")

    def test_relative_paths_are_taken_from_the_repository_root_and_absolute_ones_kept(self):
        found = cz.settings({"CONNEKZ_LAKE": "/data/lake", "CONNEKZ_PIPELINE": "tools/pipeline"})
        self.assertEqual(found["lake"], Path("/data/lake"))
        self.assertEqual(found["pipeline"], cz.REPO / "tools" / "pipeline")


class OutputTest(unittest.TestCase):
    def test_the_result_is_the_last_non_empty_line(self):
        self.assertEqual(cz.last_json_line('pipeline: a warning\n{"a": 1}\n[1, 2]\n\n'), [1, 2])

    def test_no_output_is_an_error(self):
        with self.assertRaises(cz.PipelineError):
            cz.last_json_line("\n  \n")

    def test_a_failing_command_raises_its_one_line_reason(self):
        with tempfile.TemporaryDirectory() as folder:
            fake = Path(folder) / "pipeline"
            fake.write_text(textwrap.dedent("""\
                #!/bin/sh
                echo "some log line" >&2
                echo "pipeline: no dataset named nope" >&2
                exit 1
                """))
            fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
            with self.assertRaisesRegex(cz.PipelineError, "no dataset named nope"):
                cz.Pipeline(lake=folder, pipeline=fake).json("datasets", "show", "nope")

    def test_an_audit_verdict_can_be_read_from_a_failing_exit(self):
        with tempfile.TemporaryDirectory() as folder:
            fake = Path(folder) / "pipeline"
            fake.write_text('#!/bin/sh\necho \'{"passed": false}\'\nexit 1\n')
            fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
            self.assertEqual(cz.Pipeline(lake=folder, pipeline=fake).json("audit", "consent", "a", ok=(0, 1)),
                             {"passed": False})

    def test_commands_ask_for_json_on_the_chosen_lake(self):
        command = cz.Pipeline(lake="/l", pipeline="/p", conf="/c").command("runs", "--last", 3)
        self.assertEqual(command, ["/p", "runs", "--last", "3", "--conf", "/c", "--lake", "/l", "--json"])


class PlaceholderTest(unittest.TestCase):
    def test_counts_every_placeholder_form_by_type(self):
        text = "Call <PERSON_1> on <PHONE_NUMBER_12> or <EMAIL_ADDRESS:324e1265>, not <b>this</b>."
        self.assertEqual(cz.placeholder_types(text), ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"])

    def test_no_text_has_no_placeholders(self):
        self.assertEqual(cz.placeholder_types(None), [])


class MissesTest(unittest.TestCase):
    TEXT = "Ring Mere Tane on 021 555 0199 today"
    PERSON = {"type": "PERSON", "start": 5, "end": 14}
    PHONE = {"type": "PHONE_NUMBER", "start": 18, "end": 30}

    def test_a_gold_span_with_an_uncovered_token_is_missed(self):
        detected = [{"type": "PERSON", "start": 5, "end": 9}, {"type": "PHONE_NUMBER", "start": 18, "end": 30}]
        self.assertEqual(cz.missed_spans(self.TEXT, [self.PERSON, self.PHONE], detected), [self.PERSON])

    def test_fully_covered_spans_are_not_missed(self):
        self.assertEqual(cz.missed_spans(self.TEXT, [self.PHONE], [dict(self.PHONE)]), [])

    def test_the_display_hides_both_what_was_found_and_what_was_missed(self):
        shown = cz.show_redacted(self.TEXT, [self.PHONE], [self.PERSON])
        self.assertEqual(shown, "Ring [MISSED PERSON: Xxxx Xxxx] on <PHONE_NUMBER> today")
        self.assertNotIn("Mere", shown)
        self.assertNotIn("0199", shown)

    def test_a_miss_partly_covered_hides_the_rest_of_it(self):
        shown = cz.show_redacted(self.TEXT, [{"type": "PERSON", "start": 5, "end": 9}], [self.PERSON])
        self.assertEqual(shown, "Ring <PERSON>[MISSED PERSON:  Xxxx] on 021 555 0199 today")



# A stand-in for bin/pipeline: `session` answers each line with its own pid and arguments; any
# other command prints them once and exits, as a command run on its own does.
FAKE_PIPELINE = """\
#!/usr/bin/env python3
import json, os, sys
if sys.argv[1:] == ["session"]:
    for line in sys.stdin:
        args = json.loads(line)
        if args[0] == "datasets" and args[1] == "show":
            answer = {"exit": 1, "stdout": "", "stderr": "pipeline: no dataset named " + args[2] + "\\n"}
        else:
            answer = {"exit": 0, "stdout": "log line\\n" + json.dumps({"pid": os.getpid(), "args": args}) + "\\n", "stderr": ""}
        print("a stray line")
        print(json.dumps(answer), flush=True)
else:
    print(json.dumps({"pid": os.getpid(), "args": sys.argv[1:]}))
"""


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.fake = Path(self.folder.name) / "pipeline"
        self.fake.write_text(FAKE_PIPELINE)
        self.fake.chmod(self.fake.stat().st_mode | stat.S_IEXEC)
        self.cli = cz.Pipeline(lake="/l", pipeline=self.fake, conf="/c", session=True)

    def tearDown(self):
        self.cli.close()
        self.folder.cleanup()

    def test_questions_go_to_one_session_process_with_the_lake_and_configuration(self):
        first = self.cli.json("runs", "--last", 3)
        second = self.cli.json("audit", "subject", "u-1")
        self.assertEqual(first["pid"], second["pid"])
        self.assertEqual(first["args"], ["runs", "--last", "3", "--conf", "/c", "--lake", "/l", "--json"])
        self.assertEqual(second["args"][:3], ["audit", "subject", "u-1"])

    def test_a_command_the_session_does_not_take_runs_on_its_own(self):
        question = self.cli.json("runs")
        other = self.cli.json("redact", "--evaluate", "set.jsonl")
        self.assertNotEqual(question["pid"], other["pid"])
        self.assertEqual(other["args"][0], "redact")

    def test_a_failed_answer_raises_its_reason_and_the_session_goes_on(self):
        with self.assertRaisesRegex(cz.PipelineError, "no dataset named nope"):
            self.cli.json("datasets", "show", "nope")
        self.assertEqual(self.cli.json("deletions")["args"][0], "deletions")

    def test_close_ends_the_session_and_the_next_question_starts_another(self):
        before = self.cli.json("runs")["pid"]
        self.cli.close()
        self.assertNotEqual(self.cli.json("runs")["pid"], before)

if __name__ == "__main__":
    unittest.main()
