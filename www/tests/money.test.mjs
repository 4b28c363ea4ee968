// src/money.ts in Node: how the form reads amounts as people type them and
// writes exact decimal strings in a locale. The module is TypeScript with no
// imports; it is compiled here with the project's own `typescript` and
// imported from memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'money.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const moneyModule = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);
const { readAmount, sendAmount, formatDecimal, currencyLabel } = moneyModule;

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const THIN = '\u2009';

test('amounts as sellers type them are read as Allegro’s decimal strings', () => {
  const cases = [
    ['99.99', '99.99'],
    ['99,99', '99.99'],
    [' 100.00 ', '100.00'],
    ['\t100,00\n', '100.00'],
    [`${NBSP}12,50${NNBSP}`, '12.50'],
    ['1 000,00', '1000.00'],
    [`1${NBSP}000,00`, '1000.00'],
    [`1${NNBSP}000${NNBSP}000,5`, '1000000.5'],
    [`12${THIN}345.67`, '12345.67'],
    ['1 000', '1000'],
    ['1.000,00', '1000.00'],
    ['1,000.00', '1000.00'],
    ['1.234.567,89', '1234567.89'],
    ['1,234,567.89', '1234567.89'],
    ['1.000.000', '1000000'],
    ['1,000,000', '1000000'],
    ['100', '100'],
    ['0,01', '0.01'],
    ['007,50', '007.50'],
    ['-5,00', '-5.00'],
    ['\u22125,00', '-5.00'],
    // One separator is always the decimal one: the fraction is kept as typed
    // (the engine refuses three decimals with BB6, as Allegro does).
    ['1,000', '1.000'],
    ['9,999', '9.999'],
    ['12345678901234567890123,45', '12345678901234567890123.45'],
  ];
  for (const [typed, read] of cases) assert.equal(readAmount(typed), read, JSON.stringify(typed));
});

test('what cannot be read without guessing is not read', () => {
  for (const typed of ['', '   ', 'abc', '12,3,4', '1.2.3', '12 3', '1 2345', '1  000', '10 00,00', '1 000.000,5',
    '1.000,000.5', '1,5.3', ',5', '.5', '5,', '5.', '99,9 9', '1e3', '+5', '--5', '- 5', '5-', '99,99 zł', 'PLN 99',
    '1\'000', '0x10', '١٢٣', '12..5', '12,,5', '1,000.000.5', 'NaN', 'Infinity']) {
    assert.equal(readAmount(typed), null, JSON.stringify(typed));
  }
});

test('the form sends what it read, else exactly what was typed', () => {
  assert.equal(sendAmount('99,99'), '99.99');
  assert.equal(sendAmount(' 1 000,00 '), '1000.00');
  assert.equal(sendAmount('12,3,4'), '12,3,4');
  assert.equal(sendAmount(' abc '), ' abc ');
  assert.equal(sendAmount(''), '');
});

test('exact decimal strings written in the page’s locale', () => {
  const pl = (s) => formatDecimal(s, 'pl-PL').replaceAll(NBSP, ' ');
  assert.equal(pl('80.00'), '80,00');
  assert.equal(pl('400000.00'), '400 000,00');
  assert.equal(pl('1234567.5'), '1 234 567,5');
  assert.equal(pl('35'), '35');
  assert.equal(pl('39.99'), '39,99');
  assert.equal(formatDecimal('80.00', 'en-GB'), '80.00');
  assert.equal(formatDecimal('400000.00', 'en-GB'), '400,000.00');
  assert.equal(formatDecimal('0.05', 'en-GB'), '0.05');
  assert.equal(formatDecimal('-0.05', 'en-GB'), '-0.05');
  assert.equal(pl('-12.30'), '-12,30');
  // No floating point: every digit of a long amount survives.
  assert.equal(formatDecimal('12345678901234567890.99', 'en-GB'), '12,345,678,901,234,567,890.99');
  assert.equal(formatDecimal('0.123456789012345678', 'en-GB'), '0.123456789012345678');
  assert.equal(formatDecimal('9007199254740993.01', 'en-GB'), '9,007,199,254,740,993.01');
  // Not a decimal string: shown as it is.
  for (const other of ['99,99', 'abc', '', '1e3', '.5']) assert.equal(formatDecimal(other, 'pl-PL'), other);
});

test('currencies named as the locale names them', () => {
  assert.equal(currencyLabel('PLN', 'pl-PL', 'symbol'), 'zł');
  assert.equal(currencyLabel('PLN', 'en-GB', 'code'), 'PLN');
  assert.equal(currencyLabel('EUR', 'pl-PL', 'code'), 'EUR');
  assert.equal(currencyLabel('pln', 'pl-PL', 'symbol'), 'pln');
});

test('number formats are made once per locale and options (the first verdict formats dozens of amounts)', () => {
  const { numberFormat } = moneyModule;
  const a = numberFormat('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  assert.equal(numberFormat('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), a);
  assert.notEqual(numberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), a);
  assert.notEqual(numberFormat('pl-PL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }), a);
  assert.equal(formatDecimal('400000.00', 'pl-PL'), formatDecimal('400000.00', 'pl-PL'));
});
