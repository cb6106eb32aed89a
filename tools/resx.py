#!/usr/bin/env python3
"""Adds or updates English entries in Resources/SharedResource.en.resx.

Usage: tools/resx.py KEY=VALUE ...   or   tools/resx.py < file-with-"russian<TAB>english"-lines
The Russian text is the key; entries are kept sorted so diffs stay small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RESX = Path(__file__).resolve().parent.parent / "src/MissionPortal.Web/Resources/SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load():
    if not RESX.exists():
        return {}
    root = ET.parse(RESX).getroot()
    return {d.get("name"): d.findtext("value") or "" for d in root.findall("data")}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def save(entries):
    lines = [HEADER]
    for key in sorted(entries):
        lines.append(f'  <data name="{esc(key)}" xml:space="preserve"><value>{esc(entries[key])}</value></data>\n')
    lines.append("</root>\n")
    RESX.write_text("".join(lines), encoding="utf-8")


def main():
    entries = load()
    pairs = [a.split("=", 1) for a in sys.argv[1:]] if len(sys.argv) > 1 else \
        [line.rstrip("\n").split("\t", 1) for line in sys.stdin if "\t" in line]
    for key, value in pairs:
        clash = next((k for k in entries if k.lower() == key.lower() and k != key), None)
        if clash is not None:
            sys.exit(f"«{key}» differs from the existing key «{clash}» only in case: resx keys ignore case; reuse it or reword.")
        entries[key] = value
    save(entries)
    print(f"{len(entries)} entries in {RESX.name}")


if __name__ == "__main__":
    main()
