
/** What a {@link BadgeRulesError} is about. */
export type ErrorKind =
  /** The check document is not JSON. */
  | "syntax"
  /** A context field of the wrong JSON type, an unknown value, a missing required field. */
  | "shape"
  /** Well-typed context that cannot be true (a WITHIN period without `to`, ...). */
  | "context"
  /** A bad argument or option (`{lang: "de"}`, `builtInTerms("NO_SUCH")`). */
  | "options"
  /** A call before {@link init}, or a module that could not be loaded. */
  | "usage"
  /** A fault of the package itself. */
  | "internal";

/** The codes of the package's own errors (the engine's are {@link ErrorCode}). */
export type PackageErrorCode = "NOT_INITIALIZED" | "NOT_WASM" | "WASM_NOT_FOUND" | "NOT_LOADED" | "INTERNAL" | "NO_OPEN_CAMPAIGN";

/**
 * Every error the package throws. `instanceof BadgeRulesError` holds for the
 * errors of every entry (ESM, CommonJS, `badge-rules/web`, `badge-rules/plan`).
 */
export declare class BadgeRulesError extends Error {
  constructor(message: string, fields?: {
    path?: string; kind?: ErrorKind; code?: ErrorCode | PackageErrorCode; params?: Record<string, string>; cause?: unknown;
  });
  readonly name: "BadgeRulesError";
  /** The JSON path of the fault in the check document ("" for the whole document), or the argument's name. */
  path: string;
  kind: ErrorKind;
  /** A stable code, to show a text of your own. */
  code: ErrorCode | PackageErrorCode;
  /** The figures of the message, by name (`{field: "id"}` for MISSING_FIELD). */
  params: Record<string, string>;
  /** What was thrown underneath (a getter's error, the CompileError of a fetched page, ...). */
  cause?: unknown;
}

/*
 * The inputs of init() and initSync(). URL, Request, Response and
 * WebAssembly.Module are the environment's own (the DOM's, or @types/node's)
 * where its declarations have them: these declarations compile with
 * `lib: ["es2022"]` alone.
 */
type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never;

/** Bytes of the .wasm, or the module compiled. */
export type SyncInitInput = ArrayBuffer | ArrayBufferView | WasmModule;
/** Where to load the .wasm from: a URL (string, URL, Request), a fetch Response, or bytes or a module. */
export type InitInput = string | GlobalInstance<"URL"> | GlobalInstance<"Request"> | GlobalInstance<"Response"> | SyncInitInput;

/**
 * Loads the module synchronously from bytes you hold (or a compiled module).
 * Not needed in Node, whose entries are ready on import.
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): void;

/**
 * Loads the module: with no argument, fetches badge_rules_bg.wasm next to
 * the package's badge_rules.js (the URL a bundler rewrites to its asset).
 * Every other function throws a {@link BadgeRulesError} (NOT_INITIALIZED)
 * until it resolves; calling it again does nothing.
 */
export default function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;
