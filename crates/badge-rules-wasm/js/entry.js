// The package's ESM entry (`badge-rules` in browsers and bundlers,
// `badge-rules/web`): wasm-bindgen's glue (badge_rules_glue.js) behind
// init()/initSync(), every binding guarded so that a call before init() says
// so, and every error thrown as a BadgeRulesError. tools/package.mjs appends
// one wrapper per binding of the glue below this text, and writes the same
// entry for the plan module (`badge-rules/plan`: badge_rules_plan.js over
// badge_rules_plan_glue.js and badge_rules_plan_bg.wasm, its names put in).
import * as glue from './badge_rules_glue.js';

// Marks the errors of every copy of the package (ESM, CommonJS, web, and
// badge-rules/plan's own copy of this class), so that `instanceof
// BadgeRulesError` holds whichever copy threw.
const BRAND = Symbol.for('badge-rules.error');

/**
 * Every error the package throws: an input error of the check document
 * (`kind` "syntax", "shape" or "context", `path` the JSON path of the fault),
 * a bad argument or option ("options"), a call before the module is loaded
 * or a module that cannot be loaded ("usage"). `code` is stable, `params`
 * its figures, `message` one line in the chosen language.
 */
export class BadgeRulesError extends Error {
  constructor(message, { path = '', kind = 'internal', code = 'INTERNAL', params = {}, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    Object.defineProperty(this, BRAND, { value: true });
    this.name = 'BadgeRulesError';
    this.path = path;
    this.kind = kind;
    this.code = code;
    this.params = params;
  }

  static [Symbol.hasInstance](value) {
    return value instanceof Error && value[BRAND] === true;
  }
}

let ready = false;

/** The error of a call before init(). */
function notReady(name) {
  return new BadgeRulesError(
    `badge-rules: ${name}() was called before the WebAssembly module was loaded: await init() ` +
      '(or call initSync({ module: bytes })) first; in Node, import "badge-rules", which is ready on import',
    { kind: 'usage', code: 'NOT_INITIALIZED', params: { function: name } },
  );
}

/** What a binding threw, as a BadgeRulesError (its cause kept). */
function rethrown(e) {
  if (e instanceof BadgeRulesError) return e;
  if (e instanceof Error && typeof e.path === 'string') {
    return new BadgeRulesError(e.message, {
      path: e.path, kind: e.kind, code: e.code ?? 'INTERNAL', params: e.params ?? {}, cause: e.cause,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new BadgeRulesError(`badge-rules: ${message.split('\n')[0]}`, { kind: 'internal', code: 'INTERNAL', cause: e });
}

/** Is `options` (a check's second argument) asking for Polish? */
const polish = (options) => /^pl(-|$)/i.test(String(options?.lang ?? ''));

/**
 * The path of the first number in `value` that JSON cannot carry (NaN,
 * Infinity: JSON.stringify writes null, which would read as no value at
 * all), and the number; undefined when there is none. Only data properties
 * are read (a getter is not run twice); a `toJSON` object is left to
 * JSON.stringify.
 */
function nonFinite(value, path, depth) {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, found: String(value) };
  if (value === null || typeof value !== 'object' || depth > 64 || typeof value.toJSON === 'function') return undefined;
  const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d || !('value' in d)) continue;
    const at = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = nonFinite(d.value, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** check(): a number JSON cannot carry is an input error at its path, not a field left out. */
function guardCheck(args) {
  const found = nonFinite(args[0], '', 0);
  if (!found) return;
  const message = polish(args[1])
    ? `${found.path}: ${found.found} nie jest liczbą, którą zapisze JSON (JSON.stringify wysłałby null): podaj liczbę albo pomiń pole`
    : `${found.path}: ${found.found} is not a number JSON can carry (JSON.stringify would send null): give a number or leave the field out`;
  throw new BadgeRulesError(message, { path: found.path, kind: 'shape', code: 'INVALID_VALUE', params: { found: found.found } });
}

/** Calls a binding of the glue: only once the module is loaded; errors rethrown. */
function call(name, binding, args) {
  if (!ready) throw notReady(name);
  if (name === 'check') guardCheck(args);
  try {
    return binding(...args);
  } catch (e) {
    const error = rethrown(e);
    // check() given JSON text: the function for text is checkJson().
    if (name === 'check' && typeof args[0] === 'string' && error.code === 'NOT_AN_OBJECT') {
      error.message += polish(args[1]) ? ' (dla tekstu JSON: checkJson(tekst))' : ' (for JSON text: checkJson(text))';
    }
    throw error;
  }
}

/** Why the module could not be loaded, with what to do about it. */
function loadError(e) {
  const message = e instanceof Error ? e.message : String(e);
  if (/expected magic word 00 61 73 6d, found 3c/.test(message)) {
    return new BadgeRulesError(
      'badge-rules: the file fetched as badge_rules_bg.wasm is a web page, not WebAssembly: a bundler ' +
        'moved badge_rules.js without its .wasm (Vite\'s dev server does this unless its config has ' +
        'optimizeDeps: { exclude: ["badge-rules"] }), or the server answers every path with index.html',
      { kind: 'usage', code: 'NOT_WASM', cause: e },
    );
  }
  if (/^failed to fetch Wasm: 404/.test(message)) {
    return new BadgeRulesError(
      `badge-rules: badge_rules_bg.wasm was not found (${message.split('\n')[0]}): the bundler did not ` +
        'copy it beside the bundle (Rollup needs @web/rollup-plugin-import-meta-assets; esbuild, and tsup, ' +
        'Angular or Remix over it, copies no asset: copy node_modules/badge-rules/badge_rules_bg.wasm beside ' +
        'the bundle), or pass its URL or bytes to init()',
      { kind: 'usage', code: 'WASM_NOT_FOUND', cause: e },
    );
  }
  return new BadgeRulesError(`badge-rules: the WebAssembly module could not be loaded: ${message.split('\n')[0]}`,
    { kind: 'usage', code: 'NOT_LOADED', cause: e });
}

/**
 * Loads the module: fetches badge_rules_bg.wasm next to this file (the URL a
 * bundler rewrites), or takes `{ module_or_path }`: a URL, a Response, bytes
 * or a compiled WebAssembly.Module. Calling it again does nothing.
 */
export default async function init(input) {
  try {
    await glue.default(input);
  } catch (e) {
    throw loadError(e);
  }
  ready = true;
}

/** Loads the module synchronously from `{ module }`: bytes or a compiled WebAssembly.Module. */
export function initSync(input) {
  try {
    glue.initSync(input);
  } catch (e) {
    throw loadError(e);
  }
  ready = true;
}

// One wrapper per binding of the glue (tools/package.mjs):
