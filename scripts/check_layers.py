#!/usr/bin/env python3
"""Checks the layer rule: each folder of src/ includes only the folders it may use.

    scripts/check_layers.py [SRC]        SRC defaults to src, from the current folder

Every library has src/ as its include root, so a forbidden #include still builds; this finds it.
Prints each one, as

    src/domain/text.cc:7: domain may not include store/store.h (domain may include: domain)

and exits 1 if there is any (or a folder of SRC has no rule here); otherwise prints one line
saying how many files it read and exits 0.

Tests beside the code (*_test.cc) and test helpers (test_*.h, test_*.cc) follow their folder's
rule, and may also include the test helpers (test_*.h) of the layers below it.
"""

import os
import re
import sys

# Each folder and what it may include, lowest layer first; a folder may include itself.
RULES = {
    "domain": ["domain"],
    "io": ["domain", "io"],
    "store": ["domain", "io", "store"],
    "app": ["domain", "io", "store", "app"],
    "cli": ["domain", "app", "reports", "cli"],
    "reports": ["domain", "app", "reports"],
    "web": ["domain", "app", "web"],
}
# Which layers are below which, for the test helpers a test may use.
RANK = {"domain": 0, "io": 1, "store": 2, "app": 3, "cli": 5, "reports": 4, "web": 4}
SOURCES = (".h", ".cc", ".hpp", ".cpp")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def is_test_file(name):
    return name.endswith("_test.cc") or (name.startswith("test_") and name.endswith(SOURCES))


def is_test_helper(include):
    name = os.path.basename(include)
    return name.startswith("test_") and name.endswith((".h", ".hpp"))


def layer_of(root, path):
    """The top folder of `path` under `root`, or None if it is outside root or directly in it."""
    relative = os.path.relpath(os.path.normpath(path), root)
    parts = relative.split(os.sep)
    if parts[0] == os.pardir or len(parts) < 2:
        return None
    return parts[0]


def included_layer(root, source, include):
    """The folder of ours an include names, or None if it is not ours.

    Resolved as the compiler does: beside the including file first, then from the include root;
    a missing file counts by its first folder if that is one of ours.
    """
    beside = os.path.join(os.path.dirname(source), include)
    if os.path.isfile(beside):
        return layer_of(root, beside)
    first = include.split("/")[0]
    if os.path.isfile(os.path.join(root, include)) or first in RULES:
        return first
    if os.path.isdir(os.path.join(root, first)) and first not in (os.curdir, os.pardir):
        return first
    return None


def allowed_words(layer, test):
    words = ", ".join(RULES[layer])
    below = [l for l in RULES if RANK[l] < RANK[layer]]
    if test and below:
        words += "; its tests also the test_*.h helpers of " + ", ".join(below)
    return words


def check_file(root, path, layer):
    """The forbidden includes of one file, as messages."""
    test = is_test_file(os.path.basename(path))
    problems = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            include = match.group(1)
            other = included_layer(root, path, include)
            if other is None or other in RULES[layer]:
                continue
            if test and other in RANK and RANK[other] < RANK[layer] and is_test_helper(include):
                continue
            problems.append(
                f"{path}:{number}: {layer} may not include {include} "
                f"({layer} may include: {allowed_words(layer, test)})"
            )
    return problems


def check_tree(root):
    """Every problem under root, in path order, and the number of files read."""
    problems = []
    files = 0
    for folder in sorted(os.listdir(root)):
        top = os.path.join(root, folder)
        if not os.path.isdir(top):
            if folder.endswith(SOURCES):
                problems.append(f"{top}: sources belong in a folder with a layer rule")
            continue
        if folder not in RULES:
            problems.append(
                f"{top}: no layer rule for {folder} (add one to scripts/check_layers.py)"
            )
            continue
        for directory, subfolders, names in os.walk(top):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith(SOURCES):
                    files += 1
                    problems += check_file(root, os.path.join(directory, name), folder)
    return problems, files


def main(argv):
    if len(argv) > 2:
        print("usage: check_layers.py [SRC]", file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else "src"
    if not os.path.isdir(root):
        print(f"check_layers: {root} is not a folder", file=sys.stderr)
        return 2
    problems, files = check_tree(root)
    for p in problems:
        print(p)
    if problems:
        print(f"check_layers: {len(problems)} forbidden includes in {root}", file=sys.stderr)
        return 1
    print(f"check_layers: {files} files in {root}, every include within its layer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
