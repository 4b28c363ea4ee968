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

/** The value at `path` (`campaigns[0].type`, as the errors name it) in `value`, else undefined. */
function valueAt(value, path) {
  let at = value;
  for (const step of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (at === null || typeof at !== 'object') return undefined;
    const d = Object.getOwnPropertyDescriptor(at, step[0] === '[' ? Number(step.slice(1, -1)) : step);
    if (!d || !('value' in d)) return undefined;
    at = d.value;
  }
  return at;
}

/**
 * check()'s error said "found null" where the document holds NaN or
 * Infinity (JSON.stringify writes them as null): it names the number. Looked
 * up only once an error is thrown; the answers stay those of the document
 * as JSON.stringify sends it, which is what Allegro would get.
 */
function nonFiniteFound(error, args) {
  if (error.params?.found !== 'null' || typeof error.path !== 'string') return;
  const value = valueAt(args[0], error.path);
  if (typeof value !== 'number' || Number.isFinite(value)) return;
  const found = String(value);
  error.params = { ...error.params, found };
  error.message += polish(args[1]) ? ` (${found}: JSON.stringify wysyła to jako null)` : ` (${found}: JSON.stringify sends it as null)`;
}

/** Calls a binding of the glue: only once the module is loaded; errors rethrown. */
function call(name, binding, args) {
  if (!ready) throw notReady(name);
  try {
    return binding(...args);
  } catch (e) {
    const error = rethrown(e);
    if (name === 'check') {
      // check() given JSON text: the function for text is checkJson().
      if (typeof args[0] === 'string' && error.code === 'NOT_AN_OBJECT') {
        error.message += polish(args[1]) ? ' (dla tekstu JSON: checkJson(tekst))' : ' (for JSON text: checkJson(text))';
      }
      nonFiniteFound(error, args);
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
