#!/usr/bin/env python3
"""Writes a FICTIONAL plan of N action sheets with M journal entries each, for
the scale benchmarks (spec section 10: 1,000 sheets, 100,000 entries)."""
import datetime
import os
import sys

out, sheets, entries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(os.path.join(out, "actions"), exist_ok=True)
axes, per_axis = 10, 10  # 10 axes x 10 objectives, sheets spread over them
with open(os.path.join(out, "convention.yaml"), "w") as f:
    f.write("# FICTIONAL benchmark plan\nname: Plan de charge (fictif)\nterritory: Nulle part\n"
            "signatories: [ccx]\nperiod: {start: 2023, end: 2026}\nlanguage: fr\n"
            "fields:\n  - {id: jeunesse, label: Jeunesse}\n")
with open(os.path.join(out, "partners.yaml"), "w") as f:
    f.write("- {id: ccx, name: Communauté fictive, kind: signatory}\n")
with open(os.path.join(out, "tracks.yaml"), "w") as f:
    f.write("- {id: jeunesse-piste, field: jeunesse, title: Piste}\n")
with open(os.path.join(out, "axes.yaml"), "w") as f:
    for a in range(1, axes + 1):
        f.write(f"- id: {a}\n  title: Axe {a}\n  objectives:\n")
        for o in range(1, per_axis + 1):
            f.write(f"    - {{id: \"{a}.{o}\", title: Objectif {a}.{o}}}\n")
for n in range(sheets):
    a, o, s = n % axes + 1, (n // axes) % per_axis + 1, n // (axes * per_axis) + 1
    sid = f"{a}.{o}.{s}"
    lines = [f"id: \"{sid}\"", f"title: Fiche {sid}", "fields: [jeunesse]", "lead: ccx",
             "schedule: {start: 2023, end: 2026}",
             "milestones:", "  - {id: m1, title: Jalon, due: 2026-06-30}",
             "indicators:", "  - {id: i1, label: Indicateur, targets: {2025: 10}}", "journal:"]
    for e in range(entries):
        # Entries spread evenly from January 2023 to June 2026, progress rising.
        date = datetime.date(2023, 1, 1) + datetime.timedelta(days=e * 1275 // max(entries, 1))
        lines += [f"  - date: {date.isoformat()}", "    status: in-progress",
                  f"    progress: {min(99, e * 100 // max(entries, 1))}",
                  f"    note: Réunion de suivi numéro {e} avec les partenaires du territoire",
                  f"    measures: {{i1: {e % 13}}}"]
    with open(os.path.join(out, "actions", f"{sid}.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
