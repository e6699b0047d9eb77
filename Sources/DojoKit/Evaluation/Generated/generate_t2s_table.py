#!/usr/bin/env python3
"""Generate TraditionalToSimplifiedTable.swift from OpenCC's character dictionaries.

Data source
-----------
OpenCC (Open Chinese Convert, https://github.com/BYVoid/OpenCC, Apache-2.0),
as shipped by Debian's ``libopencc-data`` package under ``/usr/share/opencc/``.
Four character-level dictionaries are used:

* ``TSCharacters``  - Traditional -> Simplified characters (the main table).
* ``TWVariantsRev`` - Taiwan-standard variant -> OpenCC Traditional.
* ``HKVariantsRev`` - Hong Kong-standard variant -> OpenCC Traditional.
* ``STCharacters``  - Simplified -> Traditional; only used to recognise
  characters that are already Simplified (see rules below).

Debian ships these only compiled (``*.ocd2``).  For each dictionary the script
uses ``NAME.txt`` from the data directory if present (the plain-text source
format, as in the OpenCC repository's ``data/dictionary/`` folder or the
``opencc/dictionary/`` folder of the pip package ``opencc-python-reimplemented``);
otherwise it decompiles ``NAME.ocd2`` to text with OpenCC's own ``opencc_dict``
tool (``opencc_dict -i NAME.ocd2 -o NAME.txt -f ocd2 -t text``) into a temporary
directory.  It fails loudly if neither is available.

Rules
-----
1. Every ``TSCharacters`` entry ``T -> S1 [S2 ...]`` contributes ``T -> S1``
   (first candidate), provided ``T`` and ``S1`` are single Unicode scalars and
   ``S1 != T``.  Chains (``T -> S1`` where ``S1`` is itself a key) are followed
   to a fixed point so that the table is idempotent (e.g. 薴 -> 苧 -> 苎 gives
   薴 -> 苎).
2. Every ``TWVariantsRev`` / ``HKVariantsRev`` entry ``V -> T`` (first
   candidate) contributes ``V -> S`` where ``S`` is ``T`` passed through the
   table from rule 1, provided that: ``V`` is not already a key from rule 1;
   ``V`` is not itself a Simplified character (a key of ``STCharacters`` or a
   value of ``TSCharacters`` - this keeps e.g. 么, 才, 台, 吃 untouched);
   ``S != V``; and ``S`` is a Simplified character, tested as "encodable in
   GB2312" (this drops e.g. 抬 -> 擡, whose result is Traditional).
   This adds e.g. 著 -> 着, 衞 -> 卫, 敍 -> 叙, 枱 -> 台, 粧 -> 妆.

Output
------
A Swift file with a single multi-line string literal (no dictionary/array
literal, so it type-checks instantly) holding the pairs concatenated,
traditional scalar immediately followed by simplified scalar, sorted by the
traditional code point, 40 pairs per source line, each line but the last
ending in a line-continuation backslash.  Output is deterministic.

Re-running (from the package root, /work/main)
----------------------------------------------
    apt-get install -y opencc libopencc-data    # Debian/Ubuntu, provides data + opencc_dict
    python3 Sources/DojoKit/Evaluation/Generated/generate_t2s_table.py \\
        --output Sources/DojoKit/Evaluation/Generated/TraditionalToSimplifiedTable.swift

Without ``--output`` the Swift source is written to stdout.  Options:
``--data-dir DIR`` (default ``$OPENCC_DATA_DIR`` or ``/usr/share/opencc``),
``--opencc-version V`` (default: the Debian ``libopencc-data`` version via
``dpkg-query``, else ``unknown``).

Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from typing import NoReturn

PAIRS_PER_LINE = 40
MAIN_DICT = "TSCharacters"
VARIANT_DICTS = ("TWVariantsRev", "HKVariantsRev")
SIMPLIFIED_DICT = "STCharacters"
DEFAULT_DATA_DIR = "/usr/share/opencc"


def die(message: str) -> NoReturn:
    sys.stderr.write(f"generate_t2s_table.py: error: {message}\n")
    sys.exit(1)


def dictionary_text_path(name: str, data_dir: str, tmp_dir: str, required: bool) -> str | None:
    """Return a path to ``name`` in OpenCC text format, decompiling ``.ocd2`` if needed."""
    txt = os.path.join(data_dir, name + ".txt")
    if os.path.isfile(txt):
        return txt
    ocd2 = os.path.join(data_dir, name + ".ocd2")
    if os.path.isfile(ocd2):
        tool = shutil.which("opencc_dict")
        if tool is None:
            die(f"{ocd2} exists but the 'opencc_dict' tool was not found to decompile it "
                f"(apt-get install -y opencc)")
        out = os.path.join(tmp_dir, name + ".txt")
        result = subprocess.run([tool, "-i", ocd2, "-o", out, "-f", "ocd2", "-t", "text"],
                                capture_output=True, text=True)
        if result.returncode != 0 or not os.path.isfile(out):
            die(f"opencc_dict failed to decompile {ocd2}: {result.stderr.strip()}")
        return out
    if required:
        die(f"OpenCC dictionary {name!r} not found in {data_dir!r} (looked for {name}.txt "
            f"and {name}.ocd2). Install it with 'apt-get install -y opencc libopencc-data' "
            f"or pass --data-dir pointing at OpenCC's data/dictionary folder.")
    sys.stderr.write(f"generate_t2s_table.py: warning: optional dictionary {name} not found; skipped\n")
    return None


def load_dictionary(path: str) -> dict[str, list[str]]:
    """Parse OpenCC text format: ``key<TAB>value1 value2 ...`` per line."""
    entries: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for line_number, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                die(f"{path}:{line_number}: malformed line {line!r}")
            key, values = line.split("\t", 1)
            candidates = values.split()
            if not key or not candidates:
                die(f"{path}:{line_number}: malformed line {line!r}")
            entries.setdefault(key, candidates)  # keep the first occurrence
    if not entries:
        die(f"{path}: dictionary is empty")
    return entries


def is_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def opencc_version(explicit: str | None) -> str:
    """Version text for the header, e.g. ``1.1.6 (Debian libopencc-data 1.1.6+ds1-1)``."""
    if explicit:
        return explicit
    if shutil.which("dpkg-query"):
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libopencc-data"],
                                capture_output=True, text=True)
        package_version = result.stdout.strip()
        if result.returncode == 0 and package_version:
            upstream = package_version.split(":", 1)[-1].rsplit("-", 1)[0].split("+", 1)[0]
            return f"{upstream} (Debian libopencc-data {package_version})"
    return "unknown"


def build_table(data_dir: str) -> tuple[dict[str, str], dict[str, int]]:
    with tempfile.TemporaryDirectory(prefix="t2s-opencc-") as tmp_dir:
        main = load_dictionary(dictionary_text_path(MAIN_DICT, data_dir, tmp_dir, required=True))
        simplified_src = load_dictionary(
            dictionary_text_path(SIMPLIFIED_DICT, data_dir, tmp_dir, required=True))
        variants = []
        for name in VARIANT_DICTS:
            path = dictionary_text_path(name, data_dir, tmp_dir, required=False)
            if path is not None:
                variants.append((name, load_dictionary(path)))

    stats = {"ts_entries": len(main), "ts_used": 0, "variant_used": 0, "chains_resolved": 0}

    # Rule 1: TSCharacters, first candidate, single scalar -> single scalar, no identities.
    table: dict[str, str] = {}
    for trad, candidates in main.items():
        simp = candidates[0]
        if len(trad) != 1 or len(simp) != 1 or simp == trad:
            continue
        table[trad] = simp
    # Follow chains to a fixed point (idempotent normalisation).
    for trad in list(table):
        seen = {trad}
        simp = table[trad]
        while simp in table and simp not in seen:
            seen.add(simp)
            simp = table[simp]
            stats["chains_resolved"] += 1
        table[trad] = simp
    stats["ts_used"] = len(table)

    # Characters OpenCC treats as (also) Simplified.
    simplified_chars = set(simplified_src)
    for candidates in main.values():
        simplified_chars.update(candidates)

    # Rule 2: regional variant tables composed with rule 1.
    additions: dict[str, str] = {}
    for _name, entries in variants:
        for variant, candidates in entries.items():
            target = candidates[0]
            if len(variant) != 1 or len(target) != 1:
                continue
            if variant in table or variant in simplified_chars or variant in additions:
                continue
            simp = table.get(target, target)
            if simp == variant or not is_gb2312(simp):
                continue
            additions[variant] = simp
    table.update(additions)
    stats["variant_used"] = len(additions)

    # Sanity: idempotent and well-formed.
    for trad, simp in table.items():
        if simp in table:
            die(f"table is not idempotent: {trad} -> {simp} -> {table[simp]}")
    return table, stats


def render_swift(table: dict[str, str], version: str, dict_names: str) -> str:
    items = sorted(table.items(), key=lambda kv: ord(kv[0]))
    lines = [
        f"// Generated by generate_t2s_table.py from OpenCC {version}: {dict_names}. Do not edit.",
        "// OpenCC is licensed under the Apache License 2.0; see NOTICE-OpenCC.txt.",
        "",
        "/// Traditional→Simplified character pairs: each traditional scalar is followed by its simplified scalar.",
        "enum TraditionalToSimplifiedTable {",
        "    /// Pairs of Unicode scalars, traditional then simplified, sorted by the traditional scalar.",
        '    static let pairs: String = """',
    ]
    for start in range(0, len(items), PAIRS_PER_LINE):
        chunk = items[start:start + PAIRS_PER_LINE]
        text = "".join(t + s for t, s in chunk)
        if any(c in '\\"' or ord(c) < 0x20 for c in text):
            die(f"unexpected character needing escaping in {text!r}")
        # Every line but the last ends in a backslash (line continuation) so the value has no
        # newlines; Swift forbids an escaped newline on the last line, and the newline before
        # the closing delimiter is not part of the value anyway.
        is_last = start + PAIRS_PER_LINE >= len(items)
        lines.append("    " + text + ("" if is_last else "\\"))
    lines += [
        '    """',
        "    /// Number of pairs in `pairs`.",
        f"    static let count = {len(items)}",
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", default=os.environ.get("OPENCC_DATA_DIR", DEFAULT_DATA_DIR),
                        help="folder with OpenCC dictionaries (*.txt or *.ocd2)")
    parser.add_argument("--opencc-version", default=None, help="version string for the header")
    parser.add_argument("--output", "-o", default=None, help="write here instead of stdout")
    args = parser.parse_args()

    if not os.path.isdir(args.data_dir):
        die(f"OpenCC data directory {args.data_dir!r} does not exist "
            f"(apt-get install -y opencc libopencc-data, or pass --data-dir)")

    table, stats = build_table(args.data_dir)
    if len(table) < 2000:
        die(f"only {len(table)} pairs produced; the OpenCC data looks wrong")
    for trad, simp in (("與", "与"), ("萬", "万"), ("發", "发"), ("這", "这"), ("們", "们")):
        if table.get(trad) != simp:
            die(f"sanity check failed: {trad} -> {table.get(trad)!r}, expected {simp}")

    dict_names = "TSCharacters, plus TWVariantsRev/HKVariantsRev composed with it"
    source = render_swift(table, opencc_version(args.opencc_version), dict_names)
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(source)
        os.replace(tmp, args.output)
    else:
        sys.stdout.buffer.write(source.encode("utf-8"))
    sys.stderr.write(
        f"generate_t2s_table.py: {len(table)} pairs ({stats['ts_used']} from TSCharacters "
        f"[{stats['ts_entries']} entries, {stats['chains_resolved']} chain(s) resolved], "
        f"{stats['variant_used']} from TW/HK variants)\n")


if __name__ == "__main__":
    main()
