// Prints the production bundle's gzipped size and fails the build above the budget (issue K: under 300 kB).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 300 * 1024;
const root = "target/dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css|html)$/.test(name)) files.push(path);
  }
})(root);
let total = 0;
for (const file of files.sort()) {
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gz;
  console.log(`  ${file.padEnd(48)} ${(gz / 1024).toFixed(1).padStart(7)} kB gzipped`);
}
console.log(`console bundle: ${(total / 1024).toFixed(1)} kB gzipped (budget ${BUDGET / 1024} kB)`);
if (total > BUDGET) {
  console.error("the console bundle is over its budget");
  process.exit(1);
}
