"""Print a tidy resource back in the shape of the published table, for proofreading a
transcription against the publication (rows: regions as the source names them; columns: measures).

    .venv/bin/python scripts/proofread_table.py datapackages/cbs-beleidsinformatie-veilig-thuis/data/kerncijfers_regio_2019h2.csv
"""

from __future__ import annotations

import sys

import pandas as pd

from build_data.model.formatting import value


def main(path: str) -> None:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["tekst"] = [value(float(w) if w else None, "aantal", t) for w, t in zip(df.waarde, df.teken)]
    wide = df.pivot_table(index="regio", columns="maat", values="tekst", aggfunc="first", sort=False)
    wide = wide[list(dict.fromkeys(df.maat))]
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 20)
    print(wide.to_string())


if __name__ == "__main__":
    main(sys.argv[1])
