// src/items.ts in Node: the Plan tab reads offers as the CLI reads a stream
// of responses (crates/badge-rules-cli/src/items.rs): the same cases as that
// file's tests, each item with the line it starts on. The module is
// TypeScript with no imports; it is compiled here with the project's own
// `typescript` and imported from memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'items.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const { splitItems, readItems } = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);

const items = (text) => splitItems(text).map((i) => [i.line, i.text]);

test('JSON Lines are one item a line, even when a line is broken', () => {
  assert.deepEqual(items('{"offer": {}}\n\n{"offer": {\n{"id": "1"}\r\n'),
    [[1, '{"offer": {}}\n'], [3, '{"offer": {\n'], [4, '{"id": "1"}\r\n']]);
});

test('pretty values end where their brackets close, strings skipped; one left open at the end is still an item', () => {
  const got = items('\n{\n  "offers": [\n    {"id": "}\\"{"}\n  ]\n}\n{\n  "id": "2"\n}\n\n[1,\n');
  assert.equal(got.length, 3);
  assert.equal(got[0][0], 2);
  assert.ok(got[0][1].endsWith('  ]\n}\n'));
  assert.deepEqual(got[1], [7, '{\n  "id": "2"\n}\n']);
  assert.deepEqual(got[2], [11, '[1,\n']);
});

test('pages as Allegro sends them (one line, no final newline), put one after another, are one item each', () => {
  assert.deepEqual(items('{"offers": [{"id": "1"}]}{"offers": []} {"id": "}{"}\n{"id": "3"}'),
    [[1, '{"offers": [{"id": "1"}]}'], [1, '{"offers": []}'], [1, ' {"id": "}{"}\n'], [2, '{"id": "3"}']]);
});

test('pretty pages without a final newline are one item each', () => {
  const page = (id) => `{\n  "offers": [\n    {"id": "${id}"}\n  ]\n}`;
  const got = items(page('1') + page('2') + page('3'));
  assert.deepEqual(got, [[1, page('1')], [5, page('2')], [9, page('3')]]);
});

test('readItems: values parsed (a byte-order mark ignored, an array\'s elements items of their own), what is not JSON listed with its line', () => {
  const { items: read, bad } = readItems('\uFEFF{"a": 1}\n[{"b": 2}, {"c": 3}]\nnot json\n{"d": 4}');
  assert.deepEqual(read, [{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }]);
  assert.deepEqual(bad.map((b) => b.line), [3]);
});
