#!/usr/bin/env python3
"""Puts what `scorecard issues` prints now into docs/interchange.md, in place of the table there.

Usage: scripts/update_issues_doc.py [SCORECARD]   (default build/dev/scorecard)
tests/issues_test.cc fails until the page holds the current table.
"""
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / "build/dev/scorecard")
table = subprocess.run([binary, "issues"], check=True, capture_output=True, text=True).stdout
page = root / "docs/interchange.md"
lines = page.read_text().split("\n")
# The table of the section "Warnings and errors" (another section may have a table of codes too).
section = lines.index("## Warnings and errors")
start = next(i for i, l in enumerate(lines) if i > section and l.startswith("| code |"))
end = start
while end < len(lines) and lines[end].startswith("|"):
    end += 1
new = lines[:start] + table.rstrip("\n").split("\n") + lines[end:]
page.write_text("\n".join(new))
print(f"docs/interchange.md: {len(table.splitlines()) - 2} issues")
