#!/usr/bin/env python3
"""Regenerate index/data/vocab.jsonl from the shared ESCO extract.

Usage (standard library only):

    python3 index/scripts/build_vocab.py /work/shared/data/vocab index/data/vocab.jsonl

One JSON object per line, one concept per line, in a stable order (skill groups
and ISCED-F fields, then skills/knowledge, then occupations, each sorted by id):

    {"id": "skill/<uuid>", "k": "s", "fr": [...], "en": [...], "b": [12, 40]}

k: "g" ESCO skill group, "f" ISCED-F field of education, "s" skill, "k" knowledge,
"o" occupation. fr/en: preferred label first, then alternative labels (deduplicated;
gendered French pairs "x/y" are split into their two forms). b: line numbers
(0-based) of the broader concepts kept in the file. o (skills only, when present): line
numbers of the occupations for which the skill is essential, kept only for skills
essential to at most 20 occupations (more is too generic to tell occupations apart).
Dropped from the source: reuse level, French label version, ISCO groups, occupation
codes, optional skills.
"""

import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def labels(pref, alts):
    out = []
    for label in [pref] + list(alts or []):
        if not label:
            continue
        parts = [label]
        if "/" in label and label.count("/") == 1 and " / " not in label:
            parts = label.split("/")
        for part in parts:
            part = " ".join(part.split())
            if part and part not in out:
                out.append(part)
    return out


def main(src, dst):
    groups = load(f"{src}/esco_skill_groups.jsonl")
    skills = load(f"{src}/esco_skills.jsonl")
    occupations = load(f"{src}/esco_occupations.jsonl")
    rows = []
    for g in sorted(groups, key=lambda r: r["id"]):
        kind = "f" if g.get("scheme") == "isced-f" else "g"
        rows.append((g["id"], kind, g.get("label_fr"), g.get("alt_fr"), g.get("label_en"), g.get("alt_en"), g.get("broader")))
    for s in sorted(skills, key=lambda r: r["id"]):
        kind = "k" if s.get("type") == "knowledge" else "s"
        rows.append((s["id"], kind, s.get("label_fr"), s.get("alt_fr"), s.get("label_en"), s.get("alt_en"), s.get("broader")))
    for o in sorted(occupations, key=lambda r: r["id"]):
        rows.append((o["id"], "o", o.get("label_fr"), o.get("alt_fr"), o.get("label_en"), o.get("alt_en"), o.get("broader")))
    index = {row[0]: i for i, row in enumerate(rows)}
    needed_by = {}
    for o in occupations:
        for sk in o.get("essential_skills") or []:
            needed_by.setdefault(sk, []).append(index[o["id"]])
    with open(dst, "w", encoding="utf-8") as out:
        for cid, kind, lfr, afr, len_, aen, broader in rows:
            rec = {
                "id": cid,
                "k": kind,
                "fr": labels(lfr, afr),
                "en": labels(len_, aen),
                "b": [index[b] for b in (broader or []) if b in index],
            }
            occ = sorted(needed_by.get(cid, []))
            if occ and len(occ) <= 20:
                rec["o"] = occ
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(rows)} concepts to {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
