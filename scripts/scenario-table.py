#!/usr/bin/env python3
"""Print a Markdown table of the shipped scenarios: storm size without guards and with the best guard variant.

Usage: scripts/scenario-table.py [STORMSIM_BINARY]
The best variant delivers the least unwanted mail among those that lose no wanted mail (none blocked, never sent
or still held). When every variant loses wanted mail, the one with the least unwanted mail is shown and marked.
"""
import glob
import json
import os
import re
import subprocess
import sys


def variants_of(path):
    text = open(path, encoding="utf-8").read()
    if '"variants"' not in text:
        return []
    block = text[text.index('"variants"'):]
    return re.findall(r'^    "([A-Za-z0-9][A-Za-z0-9_.-]*)": \{', block, re.M)


def run(binary, path, variant):
    command = [binary, "run", path, "--json"] + (["--variant", variant] if variant else [])
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def wanted_lost(summary):
    emails = summary["emails"]
    return (emails["wanted_blocked"] + emails["wanted_not_sent"] + emails["wanted_waiting_in_guards_at_end"]
            + summary["events"]["wanted_waiting_in_guards_at_end"])


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/sim/stormsim"
    print("| scenario | pattern | unwanted delivered, no guard | best guard variant | unwanted delivered | "
          "wanted lost |")
    print("|---|---|--:|---|--:|--:|")
    for path in sorted(glob.glob("scenarios/*.json")):
        base = run(binary, path, "")
        results = [(variant, run(binary, path, variant)) for variant in variants_of(path)]
        clean = [r for r in results if wanted_lost(r[1]) == 0]
        pool = clean or results
        name, best = min(pool, key=lambda r: r[1]["emails"]["unwanted_delivered"]) if pool else ("-", base)
        mark = "" if clean else " (loses wanted mail)"
        print(f"| {os.path.basename(path)} | {description(path)} | "
              f"{base['emails']['unwanted_delivered']} | {name}{mark} | {best['emails']['unwanted_delivered']} | "
              f"{wanted_lost(best)} |")


def description(path):
    text = open(path, encoding="utf-8").read()
    match = re.search(r'"description":\s*"([^"]*)"', text)
    return match.group(1) if match else ""


if __name__ == "__main__":
    main()
