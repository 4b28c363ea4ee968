// What a tab remembers of what was pasted, in this browser only
// (localStorage), until the user presses Forget: the pasted responses come
// back after a reload. Nothing leaves the page. Where storage is off or full
// (a private window, a quota), nothing is remembered and nothing fails.

const PREFIX = 'badge-rules:';

/** The values remembered under `key`, or undefined when none are (or storage is off). */
export function recall(key: string): Record<string, string> | undefined {
  try {
    const text = globalThis.localStorage?.getItem(PREFIX + key);
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** Remembers `values` under `key` (nothing, when every value is empty); false when storage refused them. */
export function remember(key: string, values: Record<string, string>): boolean {
  try {
    if (Object.values(values).every((v) => v === '')) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(values));
    return true;
  } catch {
    forget(key);
    return false;
  }
}

/** Forgets what is remembered under `key`. */
export function forget(key: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + key);
  } catch {
    // Storage is off: there is nothing to forget.
  }
}
