/* badge-rules/form: binds the checker to a form you already have. */
import type { BadgeRulesError, CheckDocument, Kind, Lang, Report, Violation } from "./badge_rules.js";

/** The check document's fields besides `kind` and `request`: the context (`now`, `campaigns`, `offer`, `metrics`, ...). */
export type FormContext = Omit<Partial<Extract<CheckDocument, { kind: "application" }>>, "kind" | "request"> & Record<string, unknown>;

export interface BindOptions {
  /** The kind of check (default: the form's `data-badge-rules-kind`, else "application"). */
  kind?: Kind;
  /** The context, or a function giving it on each check. */
  context?: FormContext | (() => FormContext);
  /** The language of the messages: a tag ("pl", "pl-PL") or a function giving one; default the form's `lang` as inherited. */
  lang?: Lang | string | (() => string);
  /** Where the messages no field takes go (default: the form's `[data-badge-rules-summary]`). */
  summary?: HTMLElement | null;
  /** The events that check (default: input and change). */
  events?: string[];
  /** Check at once (default true), so the form cannot be submitted before its first input. */
  immediate?: boolean;
  /** Called with every result. */
  onCheck?: (result: FormResult) => void;
}

export interface FormResult {
  /** The check document the form made. */
  document: CheckDocument;
  /** The report; absent when the context is at fault. */
  report?: Report;
  /** The input error, when the context is at fault. */
  error?: BadgeRulesError;
  /** The problems no field took (shown in the summary). */
  unplaced: Array<Pick<Violation, "code" | "path" | "message">>;
  /** No violation and no error. */
  valid: boolean;
}

export interface FormBinding {
  /** Checks now. */
  check(): FormResult;
  /** The last result. */
  readonly result: FormResult | undefined;
  /** Removes the listeners, the validity messages and the message elements. */
  detach(): void;
}

/**
 * Binds `form`: its controls are named by Allegro's JSON paths of the request
 * (`campaign.id`, `offer.id`, `prices.bargain.amount`, `prices.bargain.currency`,
 * `purchaseConstraints.limit.perUser.maxItems`, ...). On each input the form
 * is checked and every field gets its violations' messages as its validity
 * message (`setCustomValidity`), `aria-invalid="true"` and an element named
 * by `aria-describedby` (the field's own ids kept). Call {@link init} first.
 */
export function bindForm(form: HTMLFormElement, options?: BindOptions): FormBinding;

/**
 * The request a form's values make: each named control's trimmed value at
 * its path (in a Polish form, given `lang`, amounts read by {@link parseAmount}), empty ones left out, and an object whose typed (not hidden)
 * fields are all empty left out whole.
 */
export function requestOf(form: HTMLFormElement, lang?: string): Record<string, unknown>;

/**
 * The decimal string Allegro expects for an amount as a person types it in
 * `lang` (default "en"): `"99,99"` → `"99.99"`, `" 1 000,00 "` → `"1000.00"`,
 * `"1.000,50"` → `"1000.50"`; `null` when the text is empty or cannot be read
 * without guessing (one separator is always the decimal one: `"1,000"` →
 * `"1.000"`, in either language). `bindForm` reads the amount fields of a
 * Polish form with it.
 */
export function parseAmount(text: string, lang?: Lang | string): string | null;
