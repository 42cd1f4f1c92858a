#!/usr/bin/env python3
"""Tests scripts/check_layers.py on the fixture trees in tests/layers/ (run by ctest as
layers_checker): every forbidden include is named with its file, line and rule; allowed ones are
not."""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_layers.py")
FIXTURES = os.path.join(HERE, os.pardir, "tests", "layers")


def check(tree, *args):
    """Runs the checker from the fixture tree's folder, as `make test` runs it from the source."""
    return subprocess.run(
        [sys.executable, CHECKER, *args],
        cwd=os.path.join(FIXTURES, tree),
        capture_output=True,
        text=True,
    )


class CheckLayersTest(unittest.TestCase):
    def test_rejects_the_domain_including_the_store(self):
        result = check("forbidden")
        self.assertEqual(result.returncode, 1)
        self.assertIn(
            "src/domain/text.cc:7: domain may not include store/store.h "
            "(domain may include: domain)\n",
            result.stdout,
        )

    def test_names_every_forbidden_include_in_path_order(self):
        result = check("forbidden")
        self.assertEqual(
            result.stdout.splitlines(),
            [
                "src/cli/main.cc:4: cli may not include ../store/store.h "
                "(cli may include: domain, app, reports, cli)",
                "src/cli/main.cc:7: cli may not include io/folder.h "
                "(cli may include: domain, app, reports, cli)",
                "src/cli/main.cc:8: cli may not include io/test_seeds.h "
                "(cli may include: domain, app, reports, cli)",
                "src/cli/main_test.cc:4: cli may not include store/store.h "
                "(cli may include: domain, app, reports, cli; "
                "its tests also the test_*.h helpers of domain, io, store, app, reports, web)",
                "src/domain/text.cc:7: domain may not include store/store.h "
                "(domain may include: domain)",
                "src/io/csv_test.cc:7: io may not include store/test_database.h "
                "(io may include: domain, io; its tests also the test_*.h helpers of domain)",
                "src/plugins: no layer rule for plugins (add one to scripts/check_layers.py)",
                "src/store/store.h:4: store may not include app/import_council.h "
                "(store may include: domain, io, store)",
            ],
        )
        self.assertEqual(result.stderr, "check_layers: 8 forbidden includes in src\n")

    def test_accepts_includes_within_each_layer(self):
        result = check("allowed")
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(
            result.stdout, "check_layers: 10 files in src, every include within its layer\n"
        )

    def test_names_files_by_the_path_it_was_given(self):
        result = check(".", os.path.join("forbidden", "src"))
        self.assertEqual(result.returncode, 1)
        self.assertIn(
            "forbidden/src/domain/text.cc:7: domain may not include store/store.h "
            "(domain may include: domain)\n",
            result.stdout,
        )

    def test_refuses_a_missing_tree(self):
        result = check("allowed", "nowhere")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "check_layers: nowhere is not a folder\n")


if __name__ == "__main__":
    unittest.main()
