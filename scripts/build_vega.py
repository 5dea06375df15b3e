"""The site's slim Vega bundle: scripts/vega-bundle.mjs (vega 6.4.0's own index with only the
transforms the charts can need) bundled with esbuild (npm devDependency, pinned) into
node_modules/.cache/hgkm-vega/vega.min.js, plus vega-bundle.json: the transform types and the
expression functions that bundle knows. `make setup` runs this; build_data/site/vega_check.py checks
every built spec against vega-bundle.json, so a chart that needs a transform the bundle lacks
stops the build instead of failing in the browser.

    python scripts/build_vega.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "scripts" / "vega-bundle.mjs"
OUT = ROOT / "node_modules" / ".cache" / "hgkm-vega"

# The bundle itself, evaluated in Node, lists what it registers; the expression functions come from
# vega-functions (the same package the bundle holds) and vega-expression's built-ins (Math etc.).
MANIFEST_JS = r"""
const fs = require("fs"), vm = require("vm");
const ctx = { console, setTimeout, clearTimeout };
vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8") + ";globalThis.vega = vega;", ctx);
import("vega-functions").then(f => import("vega-expression").then(e => {
  const fns = new Set(Object.keys(f.codeGenerator.functions));
  console.log(JSON.stringify({
    versie: ctx.vega.version,
    transforms: Object.keys(ctx.vega.transforms).sort(),
    functies: [...fns].sort(),
    constanten: Object.keys(f.codeGenerator.constants).sort(),
  }));
}));
"""


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        print("esbuild ontbreekt: voer `npm ci` uit (make setup doet dat)", file=sys.stderr)
        return 1
    target = OUT / "vega.min.js"
    subprocess.run([str(esbuild), str(ENTRY), "--bundle", "--minify", "--format=iife", "--global-name=vega",
                    "--target=es2020", "--legal-comments=none", "--log-level=warning", f"--outfile={target}"],
                   check=True, cwd=ROOT)
    out = subprocess.run(["node", "-e", MANIFEST_JS, str(target)], check=True, cwd=ROOT,
                         capture_output=True, text=True).stdout
    manifest = json.loads(out)
    (OUT / "vega-bundle.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    size = f"{target.stat().st_size:,}".replace(",", "\u00a0")
    print(f"{target.relative_to(ROOT)}: {size} bytes; {len(manifest['transforms'])} transforms, "
          f"{len(manifest['functies'])} expressiefuncties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
