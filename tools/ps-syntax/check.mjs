// Parses the repository's PowerShell files with tree-sitter-powershell and reports every ERROR or MISSING node with its
// line, so a syntax slip in build.ps1, the manifest or the Pester suite shows up on a machine without pwsh.
// Known gap of the grammar (0.26.4): a parameter name with a digit (-Fp16FlopsPerSecond 1) parses as an error,
// although PowerShell accepts it; the repository's scripts splat such parameters (@{ Fp16FlopsPerSecond = ... }).
// Usage: npm install --legacy-peer-deps && node check.mjs [files...]   (no files: every *.ps1, *.psm1, *.psd1 in the repo)
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const skip = new Set(['.git', 'node_modules', 'bin', 'obj', 'out', 'artifacts']);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ps1|psm1|psd1)$/i.test(name)) yield path;
  }
}

function* problems(node) {
  if (node.type === 'ERROR' || node.isMissing) yield node;
  for (const child of node.children) yield* problems(child);
}

const parser = new Parser();
parser.setLanguage(PowerShell);
const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [...walk(root)];
let bad = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const tree = parser.parse((index) => text.slice(index, index + 4096));
  for (const node of problems(tree.rootNode)) {
    bad++;
    const { row, column } = node.startPosition;
    const line = text.split('\n')[row] ?? '';
    console.log(`${relative(root, file)}:${row + 1}:${column + 1}: ${node.isMissing ? 'missing ' + node.type : 'syntax error'}\n    ${line.trim()}`);
  }
}
console.log(`${files.length} PowerShell files parsed, ${bad} problem(s).`);
process.exit(bad === 0 ? 0 : 1);
