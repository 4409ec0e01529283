// Parses the repository's PowerShell files with tree-sitter-powershell and reports every ERROR or MISSING node with its
// line, so a syntax slip in build.ps1, the manifest or the Pester suite shows up on a machine without pwsh. The
// <ScriptBlock> elements of *.ps1xml view files are parsed one by one as well, and so is every ```powershell block of
// the help pages and about topics in docs/*.md and of the README (tests/Pester/Docs.Tests.ps1 runs the docs/ blocks
// where pwsh exists).
// Known gap of the grammar (0.26.4): a parameter name with a digit (-Fp16FlopsPerSecond 1) parses as an error,
// although PowerShell accepts it; the repository's scripts splat such parameters (@{ Fp16FlopsPerSecond = ... }). So does a
// list of bare words as an argument (Select-Object Name, Id); the examples quote them (Select-Object 'Name', 'Id').
// Usage: npm install --legacy-peer-deps && node check.mjs [files...]   (no files: every *.ps1, *.psm1, *.psd1, *.ps1xml
// in the repository and every docs/*.md)
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
    else if (/\.(ps1|psm1|psd1|ps1xml)$/i.test(name)) yield path;
    else if (/\.md$/i.test(name) && (relative(root, dir) === 'docs' || relative(root, path) === 'README.md')) yield path;
  }
}

function* problems(node) {
  if (node.type === 'ERROR' || node.isMissing) yield node;
  for (const child of node.children) yield* problems(child);
}

const parser = new Parser();
parser.setLanguage(PowerShell);
const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [...walk(root)];
// The PowerShell pieces of a file: the whole file, or each script block of a view file with its 0-based first line.
function* pieces(file, text) {
  if (/\.md$/i.test(file)) {
    for (const match of text.replace(/\r\n/g, '\n').matchAll(/```powershell\n([\s\S]*?)```/g)) {
      yield { code: match[1], firstLine: text.slice(0, match.index).split('\n').length };
    }
    return;
  }
  if (!/\.ps1xml$/i.test(file)) {
    yield { code: text, firstLine: 0 };
    return;
  }
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const match of text.matchAll(/<ScriptBlock>([\s\S]*?)<\/ScriptBlock>/g)) {
    yield { code: unescape(match[1]), firstLine: text.slice(0, match.index).split('\n').length - 1 };
  }
}

let bad = 0;
let parsed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const { code, firstLine } of pieces(file, text)) {
    parsed++;
    const tree = parser.parse((index) => code.slice(index, index + 4096));
    for (const node of problems(tree.rootNode)) {
      bad++;
      const { row, column } = node.startPosition;
      const line = code.split('\n')[row] ?? '';
      console.log(`${relative(root, file)}:${firstLine + row + 1}:${column + 1}: ${node.isMissing ? 'missing ' + node.type : 'syntax error'}\n    ${line.trim()}`);
    }
  }
}
console.log(`${files.length} files, ${parsed} PowerShell texts parsed, ${bad} problem(s).`);
process.exit(bad === 0 ? 0 : 1);
