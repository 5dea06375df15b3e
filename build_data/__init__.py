"""Build the HGKM Impactmonitor site: load and validate data packages, compute indicators,
write JSON/CSV outputs and generated pages. MkDocs only renders what this package prepares."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
