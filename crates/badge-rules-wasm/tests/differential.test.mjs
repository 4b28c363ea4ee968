// 10,000 documents from the seeded Rust generator through the native engine
// (the CLI) and through the package: every report byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pkg, native, generated, outcome, nativeOutcome } from './helpers.mjs';

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
