"""The notebooks' one way into the pipeline: its command line with --json.

Notebooks never read the lake's tables themselves; they run `bin/pipeline ... --json` and parse the
last line it prints (contract section 3), so they keep working as the internals change.

Settings come from the environment:
  CONNEKZ_LAKE      the lake to read (default: lake/ at the repository root)
  CONNEKZ_PIPELINE  the command line (default: bin/pipeline at the repository root)
  CONNEKZ_CONF      the configuration file (default: conf/pipeline.yaml at the repository root)
Relative paths are taken from the repository root.
"""

import atexit
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# A placeholder the redaction policy writes: <PERSON_1>, <PHONE_NUMBER_2>, <EMAIL_ADDRESS:3f2a...>.
PLACEHOLDER = re.compile(r"<([A-Z]+(?:_[A-Z]+)*)(?:_\d+|:[0-9a-f]+)?>")


class PipelineError(RuntimeError):
    """A command exited non-zero; the message is the command's own one-line reason."""


def _from_repo(value):
    path = Path(value)
    return path if path.is_absolute() else REPO / path


def settings(environ=None):
    """The lake, command line and configuration the notebooks use, as absolute paths."""
    environ = os.environ if environ is None else environ
    return {
        "lake": _from_repo(environ.get("CONNEKZ_LAKE") or "lake"),
        "pipeline": _from_repo(environ.get("CONNEKZ_PIPELINE") or "bin/pipeline"),
        "conf": _from_repo(environ.get("CONNEKZ_CONF") or "conf/pipeline.yaml"),
    }


def last_json_line(stdout):
    """The JSON object or array on the last non-empty line of a command's output."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise PipelineError("the command printed nothing")
    return json.loads(lines[-1])


class Pipeline:
    """Runs pipeline commands against one lake and returns their --json results."""

    def __init__(self, lake=None, pipeline=None, conf=None, session=False):
        """session=True answers questions (runs, deletions, datasets, audit) in one `bin/pipeline
        session` process, started at the first and ended with the interpreter or close()."""
        defaults = settings()
        self.lake = Path(lake) if lake else defaults["lake"]
        self.pipeline = Path(pipeline) if pipeline else defaults["pipeline"]
        self.conf = Path(conf) if conf else defaults["conf"]
        self.session = session
        self._session = None

    def command(self, *args):
        """The argument list of one command, with this lake and configuration, asking for JSON."""
        return [str(self.pipeline), *map(str, args),
                "--conf", str(self.conf), "--lake", str(self.lake), "--json"]

    def json(self, *args, stdin=None, ok=(0,)):
        """Runs a command and returns its JSON result; an exit status not in ok raises PipelineError.

        Audits exit 1 on a failed verdict: pass ok=(0, 1) to read the verdict instead of failing."""
        status, stdout, stderr = self._run(args, stdin)
        if status not in ok:
            reasons = [line for line in stderr.splitlines() if line.startswith("pipeline:")]
            reason = reasons[-1] if reasons else f"exit status {status}"
            raise PipelineError(f"{' '.join(map(str, args[:2]))}: {reason}")
        return last_json_line(stdout)

    def _run(self, args, stdin):
        """(exit status, stdout, stderr) of one command: in the session when it takes the command."""
        if self.session and stdin is None and str(args[0]) in Session.TAKEN:
            if self._session is None:
                self._session = Session(self.pipeline)
            return self._session.run(self.command(*args)[1:])
        done = subprocess.run(self.command(*args), cwd=REPO, input=stdin, capture_output=True,
                              text=True, encoding="utf-8")
        return done.returncode, done.stdout, done.stderr

    def close(self):
        """Ends the session process, if one was started."""
        if self._session is not None:
            self._session.close()
            self._session = None

    def export(self, name, version, into=None):
        """Exports a pinned version as JSON lines; returns (manifest, list of examples)."""
        out = Path(into or tempfile.mkdtemp(prefix="connekz-export-")) / f"{name.replace('/', '_')}-v{version}"
        manifest = self.json("datasets", "export", name, "--version", version, "--format", "jsonl",
                             "--out", out)
        examples = []
        shards = [p for p in out.rglob("*.json*") if p.name != "manifest.json" and not p.name.startswith(".")]
        for shard in sorted(shards):
            with open(shard, encoding="utf-8") as lines:
                examples.extend(json.loads(line) for line in lines if line.strip())
        return manifest, examples

    def redact_lines(self, records):
        """Runs `redact --jsonl` on dicts holding "text"; returns them with redacted and entities."""
        stdin = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        done = subprocess.run([str(self.pipeline), "redact", "--jsonl", "--conf", str(self.conf)], cwd=REPO,
                              input=stdin, capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise PipelineError(f"redact --jsonl: exit status {done.returncode}")
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


class Session:
    """One `bin/pipeline session` process: it runs each question in the same JVM and SparkSession, so
    only the first pays the 15-25 s start of Java, Spark and Delta. It reads one command a line as a
    JSON array and answers each with one JSON line {"exit", "stdout", "stderr"}."""

    TAKEN = {"runs", "deletions", "datasets", "audit"}

    def __init__(self, pipeline):
        self._log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self._process = subprocess.Popen([str(pipeline), "session"], cwd=REPO, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._log, text=True,
                                         encoding="utf-8")
        atexit.register(self.close)

    def run(self, args):
        """(exit status, stdout, stderr) of one command, as the command alone would give them."""
        try:
            self._process.stdin.write(json.dumps([str(arg) for arg in args]) + "\n")
            self._process.stdin.flush()
        except BrokenPipeError:
            raise PipelineError(f"the pipeline session has ended: {self._reason()}") from None
        for line in self._process.stdout:
            try:
                answer = json.loads(line)
            except ValueError:
                continue  # not an answer: a library's stray output
            if isinstance(answer, dict) and "exit" in answer:
                return answer["exit"], answer["stdout"], answer["stderr"]
        raise PipelineError(f"the pipeline session has ended: {self._reason()}")

    def _reason(self):
        self._log.seek(0)
        reasons = [line.strip() for line in self._log if line.startswith("pipeline:")]
        return reasons[-1] if reasons else f"exit status {self._process.poll()}"

    def close(self):
        """Ends the input, so that the session stops Spark and exits."""
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._log.close()


def placeholder_types(text):
    """The entity type of every redaction placeholder in a text, in order."""
    return [match.group(1) for match in PLACEHOLDER.finditer(text or "")]


def tokens(text):
    """Token spans as the scoring defines them (contract section 6): runs of word characters."""
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def missed_spans(text, gold, detected):
    """The gold spans with at least one token no detected entity covers (offsets in code points)."""
    missed = []
    for span in gold:
        for start, end in tokens(text):
            inside_gold = start < span["end"] and span["start"] < end
            covered = any(start < d["end"] and d["start"] < end for d in detected)
            if inside_gold and not covered:
                missed.append(span)
                break
    return missed


def shape(text):
    """A text's shape with its content hidden: letters become X or x, digits 9, the rest stays."""
    return "".join("9" if ch.isdigit() else ("X" if ch.isupper() else "x") if ch.isalpha() else ch
                   for ch in text)


def show_redacted(text, detected, missed):
    """The text for display: detected entities as <TYPE>, missed spans as [MISSED TYPE: shape]."""
    pieces, at = [], 0
    marks = sorted([(d["start"], d["end"], f"<{d['type']}>") for d in detected] +
                   [(m["start"], m["end"], None) for m in missed])
    for start, end, placeholder in marks:
        if start < at:  # overlaps what is already hidden: hide the rest of it too
            start = at
            if start >= end:
                continue
        pieces.append(text[at:start])
        pieces.append(placeholder or f"[MISSED {next(m['type'] for m in missed if m['start'] <= start < m['end'])}: "
                                     f"{shape(text[start:end])}]")
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
