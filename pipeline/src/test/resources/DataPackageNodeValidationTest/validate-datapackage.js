// Validates a report pack's datapackage.json with the npm `datapackage` package (Frictionless),
// independently of vaxslots: the descriptor against the Tabular Data Package profile, then every
// row of every resource cast by its Table Schema (types, required fields, unique primary keys),
// and each file's bytes and sha256 against the descriptor.
// Usage: NODE_PATH=DIR/node_modules node validate-datapackage.js PACK/datapackage.json
// Prints one line per resource ("name: N rows"), then "valid"; on the first problems, one line
// each and exit 1.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { Package } = require('datapackage');

async function main(descriptor) {
  const problems = [];
  const pkg = await Package.load(descriptor, { basePath: path.dirname(descriptor) });
  if (!pkg.valid) {
    pkg.errors.forEach((e) => problems.push('descriptor: ' + e.message));
    return problems;
  }
  if (pkg.descriptor.profile !== 'tabular-data-package') {
    problems.push('descriptor: profile is ' + pkg.descriptor.profile + ', not tabular-data-package');
  }
  for (const resource of pkg.resources) {
    const d = resource.descriptor;
    if (!resource.tabular) {
      problems.push(d.name + ': not a tabular resource');
      continue;
    }
    const file = path.join(path.dirname(descriptor), d.path);
    const bytes = fs.readFileSync(file);
    if (bytes.length !== d.bytes) {
      problems.push(d.name + ': bytes ' + d.bytes + ' but the file has ' + bytes.length);
    }
    const sha = 'sha256:' + crypto.createHash('sha256').update(bytes).digest('hex');
    if (sha !== d.hash) {
      problems.push(d.name + ': hash ' + d.hash + ' but the file is ' + sha);
    }
    const rows = await resource.read({ cast: true, forceCast: true });
    const bad = rows.filter((row) => row instanceof Error);
    bad.slice(0, 5).forEach((e) => {
      const detail = (e.errors || []).map((x) => x.message).join('; ');
      problems.push(d.name + ': ' + e.message + (detail ? ' (' + detail + ')' : ''));
    });
    if (bad.length > 5) {
      problems.push(d.name + ': ' + (bad.length - 5) + ' more rows with errors');
    }
    const headers = resource.headers || [];
    const names = resource.schema.fields.map((f) => f.name);
    if (headers.join(',') !== names.join(',')) {
      problems.push(d.name + ': header ' + headers.join(',') + ' but fields ' + names.join(','));
    }
    console.log(d.name + ': ' + (rows.length - bad.length) + ' rows');
  }
  return problems;
}

main(process.argv[2]).then((problems) => {
  if (problems.length) {
    problems.forEach((p) => console.log(p));
    process.exit(1);
  }
  console.log('valid');
}, (e) => {
  console.log('error: ' + e.message);
  process.exit(1);
});
