"""Reading pandas frames fast."""

from __future__ import annotations

import collections

import pandas as pd


def tuples(df: pd.DataFrame):
    """df.itertuples(index=False), but columns are read as plain lists first: iterating pandas'
    string arrays cell by cell was a large part of the build at scale."""
    row = collections.namedtuple("Rij", df.columns, rename=True)._make
    return map(row, zip(*(df.iloc[:, i].tolist() for i in range(len(df.columns))))) if len(df.columns) else iter(())
