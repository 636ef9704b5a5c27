#!/usr/bin/env python3
"""Regenerates units.csv, lineage.csv and levels.csv of the new Lào Cai demo from the verified lists
lao_cai_communes_2025.csv and lao_cai_lineage_2025.csv (given as arguments). Not run by the build.
Usage: make_demo.py <communes_2025.csv> <lineage_2025.csv>"""
import csv, io, os, sys

OLD_FROM = "1991-10-01"   # placeholder start for every pre-2025 unit (see README.md)
OLD_TO = "2025-06-30"
NEW_FROM = "2025-07-01"
OLD_PROVINCES = {"10": "Tỉnh Lào Cai", "15": "Tỉnh Yên Bái"}

def unit_type(name):
    for prefix in ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Phường", "Xã", "Tỉnh"):
        if name.startswith(prefix + " "):
            return prefix.lower()
    raise SystemExit("no unit type in " + name)

def main(communes_path, lineage_path):
    here = os.path.dirname(os.path.abspath(__file__))
    communes = list(csv.DictReader(open(communes_path, encoding="utf-8")))
    lineage = list(csv.DictReader(open(lineage_path, encoding="utf-8")))
    assert len(communes) == 99 and len(lineage) == 319
    units = [["code", "name_vi", "level", "unit_type", "parent_code", "valid_from", "valid_to"]]
    for code, name in sorted(OLD_PROVINCES.items()):
        units.append([code, name, "province", "tỉnh", "", OLD_FROM, OLD_TO])
    districts = {}
    for row in lineage:
        districts[row["old_district_code"]] = (row["old_district_name"], row["old_province_code"])
    for code, (name, province) in sorted(districts.items()):
        units.append([code, name, "district", unit_type(name), province, OLD_FROM, OLD_TO])
    for row in sorted(lineage, key=lambda r: r["old_code"]):
        units.append([row["old_code"], row["old_name"], "commune", row["old_level"].lower(),
                      row["old_district_code"], OLD_FROM, OLD_TO])
    units.append(["15", "Tỉnh Lào Cai", "province", "tỉnh", "", NEW_FROM, ""])
    for row in sorted(communes, key=lambda r: r["code"]):
        units.append([row["code"], row["name_vi"], "commune", row["unit_type"], "15", NEW_FROM, ""])
    for row in sorted(communes, key=lambda r: r["code"]):
        count = 3 + int(row["code"]) % 3  # 3 to 5 demo villages, deterministic
        for i in range(1, count + 1):
            units.append([f"{row['code']}-{i:02d}", f"Thôn Demo {i}", "village", "thôn", row["code"], NEW_FROM, ""])
    events = [["old_code", "old_valid_from", "new_code", "new_valid_from", "effective_date", "kind"]]
    for code in sorted(OLD_PROVINCES):
        events.append([code, OLD_FROM, "15", NEW_FROM, NEW_FROM, "merge"])
    for code in sorted(districts):
        events.append([code, OLD_FROM, "15", NEW_FROM, NEW_FROM, "dissolve"])
    for row in sorted(lineage, key=lambda r: (r["new_code"], r["old_code"])):
        kind = "unchanged" if row["merge_note"].startswith("unchanged") else "merge"
        events.append([row["old_code"], OLD_FROM, row["new_code"], NEW_FROM, NEW_FROM, kind])
    levels = [["valid_from", "valid_to", "levels"],
              ["", OLD_TO, "province;district;commune;village"],
              [NEW_FROM, "", "province;commune;village"]]
    for name, rows in (("units.csv", units), ("lineage.csv", events), ("levels.csv", levels)):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        open(os.path.join(here, name), "w", encoding="utf-8").write(out.getvalue())

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
