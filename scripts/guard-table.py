#!/usr/bin/env python3
"""Print a Markdown table of a scenario's variants: what each contains and what it costs in wanted mail.

Usage: scripts/guard-table.py SCENARIO [STORMSIM_BINARY]
Runs the base scenario and every variant once with the scenario's own seed.
"""
import json
import re
import subprocess
import sys


def variants_of(path):
    # The variants' names are the keys of the "variants" object, four spaces deep in the shipped files.
    text = open(path, encoding="utf-8").read()
    block = text[text.index('"variants"'):]
    return re.findall(r'^    "([A-Za-z0-9][A-Za-z0-9_.-]*)": \{', block, re.M)


def run(binary, path, variant):
    command = [binary, "run", path, "--json"] + (["--variant", variant] if variant else [])
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def minutes(seconds):
    return "-" if seconds is None else f"{seconds / 60:.1f} min"


def row(name, summary):
    emails = summary["emails"]
    guards = summary["guards"].values()
    wanted_total = summary["events"]["real"]
    waiting = emails["wanted_waiting_in_guards_at_end"] + summary["events"]["wanted_waiting_in_guards_at_end"]
    max_delay = emails["wanted_latency_s"]["max"]
    return (f"| {name} | {emails['unwanted_delivered']} | {summary['recipients']['max']} | "
            f"{minutes(summary['storm']['time_to_contain_s'])} | {emails['wanted_delivered']} of {wanted_total} | "
            f"{emails['wanted_blocked']} | {emails['wanted_not_sent']} | {waiting} | {max_delay / 60:.1f} min |")


def main():
    path = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "build/sim/stormsim"
    print("| variant | unwanted delivered | max per person | time to contain | wanted delivered "
          "| wanted blocked | wanted never sent | wanted still held or delayed | slowest wanted email |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for variant in [""] + variants_of(path):
        print(row(variant or "base (no guard)", run(binary, path, variant)))


if __name__ == "__main__":
    main()
