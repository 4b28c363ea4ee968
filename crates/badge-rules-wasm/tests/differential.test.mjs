// 10,000 documents from the seeded Rust generator through the native engine
// (the CLI) and through the package: every report byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { pkg, root, native, generated, outcome, nativeOutcome } from './helpers.mjs';

const br = await import(join(pkg, 'node.mjs'));
const COUNT = 10_000;

test(`${COUNT} generated documents: package == native, byte for byte`, () => {
  const texts = generated(COUNT);
  assert.equal(texts.length, COUNT);
  const lines = native(texts);
  let reports = 0;
  for (let i = 0; i < COUNT; i++) {
    const want = nativeOutcome(lines[i]);
    assert.equal(outcome(br, texts[i]), want, `seed ${i}`);
    if (!want.startsWith('{"error"')) {
      reports++;
      // The object boundary gives the same JSON too.
      assert.equal(JSON.stringify(br.check(JSON.parse(texts[i]))), want, `seed ${i} (check)`);
    }
  }
  assert.ok(reports > COUNT * 0.9, `${reports} reports`);
});

test('the fuzz seeds and every kept fuzz finding: package == native, no trap', () => {
  const texts = [];
  // FUZZ_CORPUS=1 also runs the fuzzer's working corpus (not in git).
  const dirs = ['seeds/check_json', 'regressions/check_json'];
  if (process.env.FUZZ_CORPUS) dirs.push('corpus/check_json');
  for (const dir of dirs) {
    const path = join(root, 'fuzz', dir);
    if (!existsSync(path)) continue;
    for (const f of readdirSync(path).filter((x) => !x.startsWith('.')).sort()) {
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(path, f)));
      } catch {
        continue; // not UTF-8: the package takes strings, the CLI bytes
      }
      // One document per line for the CLI: only single-line inputs compare.
      if (!text.includes('\n') && !text.includes('\r')) texts.push(text);
    }
  }
  assert.ok(texts.length > 400, `${texts.length} inputs`);
  const lines = native(texts);
  texts.forEach((text, i) => assert.equal(outcome(br, text), nativeOutcome(lines[i]), text.slice(0, 200)));
});
