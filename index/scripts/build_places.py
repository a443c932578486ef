#!/usr/bin/env python3
"""Regenerate index/data/places.csv from the shared gazetteer of Mali.

Usage (standard library only):

    python3 index/scripts/build_places.py /work/shared/data/geo/mali_places.csv index/data/places.csv

Keeps, for every GeoNames place tied to a region: its names (name, ascii name and
Latin-script alternative names, `|`-separated), a rank (0 = regional seat or capital,
1 = cercle seat or admin unit, 2 = other populated place), the cercle and the region id.
Drops coordinates, population, GeoNames ids and admin codes.
"""

import csv
import sys

RANK = {"PPLC": 0, "PPLA": 0, "ADM1": 0, "PPLA2": 1, "PPLA3": 1, "ADM2": 1, "ADM3": 1, "ADM4": 1}


def main(src, dst):
    kept = 0
    with open(src, encoding="utf-8", newline="") as f, open(dst, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["names", "rank", "cercle", "region"])
        for row in csv.DictReader(f):
            if not row["region"]:
                continue
            names = []
            for n in [row["name"], row["asciiname"]] + row["alt_names"].split("|"):
                n = n.strip()
                if n and n not in names:
                    names.append(n)
            w.writerow(["|".join(names), RANK.get(row["feature_code"], 2), row["cercle"], row["region"]])
            kept += 1
    print(f"wrote {kept} places to {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
