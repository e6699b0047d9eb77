#!/usr/bin/env node
// Parses Mermaid files with the real Mermaid parser (mermaid 11.11.0, bundled for CommonJS in the PyPI
// wheel mermaid-parser-py 0.0.4; `make deps` puts it at .build/mermaid/parser.bundle.js).
//
// usage: node mermaid-parse.js BUNDLE FILE...
// Prints "ok FILE TYPE NODES EDGES" or "error FILE: MESSAGE" per file; exits 1 when any file fails to parse.
'use strict';
const fs = require('fs');
const [bundle, ...files] = process.argv.slice(2);
if (!bundle || files.length === 0) {
  console.error('usage: node mermaid-parse.js BUNDLE FILE...');
  process.exit(2);
}
require(bundle);
const parse = globalThis.parse_mermaid;
if (typeof parse !== 'function') {
  console.error(`${bundle} does not define parse_mermaid`);
  process.exit(2);
}
(async () => {
  let failed = 0;
  for (const file of files) {
    try {
      const result = JSON.parse(await parse(fs.readFileSync(file, 'utf8')));
      const db = result.graph_data || {};
      const nodes = Object.keys(db.vertices || {}).length;
      const edges = (db.edges || []).length;
      console.log(`ok ${file} ${result.graph_type} ${nodes} ${edges}`);
    } catch (e) {
      failed += 1;
      console.log(`error ${file}: ${String((e && e.message) || e).split('\n').join(' ')}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
