"""Notebooks are committed without outputs: CI executes them, reviewers read code, not stale results."""

import json
import unittest
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent


class CommittedNotebooksTest(unittest.TestCase):
    def notebooks(self):
        found = sorted(NOTEBOOKS.glob("*.ipynb"))
        self.assertGreaterEqual(len(found), 3, "expected the three notebooks in notebooks/")
        return found

    def test_no_outputs_and_no_execution_counts(self):
        for path in self.notebooks():
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            for number, cell in enumerate(cells, 1):
                if cell["cell_type"] != "code":
                    continue
                with self.subTest(notebook=path.name, cell=number):
                    self.assertEqual(cell.get("outputs"), [], "commit the notebook with its outputs cleared")
                    self.assertIsNone(cell.get("execution_count"), "commit the notebook without execution counts")

    def test_every_notebook_reads_its_settings_first_and_asserts_results(self):
        for path in self.notebooks():
            code = [("".join(c["source"])) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                    if c["cell_type"] == "code"]
            with self.subTest(notebook=path.name):
                self.assertRegex(code[0], r"cz\.Pipeline\((session=True)?\)",
                                 "the first code cell sets up the command line from the environment alone")
                self.assertTrue(any("assert" in source for source in code[1:]), "a notebook must fail on an empty lake")


if __name__ == "__main__":
    unittest.main()
