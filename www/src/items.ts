// The Plan tab's offers, read as the CLI reads a stream of responses
// (crates/badge-rules-cli/src/items.rs, which this follows step by step; the
// core does not export that reader, and the .wasm carries no I/O): JSON
// values one after another, each with the line it starts on. A text whose
// first value ends on its first line is JSON Lines: every line is an item.
// Otherwise values run over as many lines as they take (pretty-printed GET
// /sale/offers pages) and end at the end of the line where their brackets
// close, strings skipped. Either way, a value that closes before the end of
// its line with more than whitespace after it ends there, and what follows
// starts the next item on the same line: pages as Allegro sends them (one
// line, no final newline) or pretty-printed without a final newline, put one
// after another, are read value by value, as jq does. Blank lines are no
// items. Used by the page and by its worker (items-worker.ts); no DOM here.

/** The brackets left open by the text fed so far, strings skipped (the core's json_scan::Nesting). */
class Nesting {
  private open = 0;
  private inString = false;
  private escaped = false;

  /** Feeds `s` up to the character that closes the last open bracket: the count fed, that one included; undefined when all were fed. */
  feedUntilClosed(s: string): number | undefined {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.open++;
      else if ((c === 0x7d || c === 0x5d) && this.open > 0) {
        this.open--;
        if (this.open === 0) return i + 1;
      }
    }
    return undefined;
  }

  /** Nothing open, and not inside a string. */
  closed(): boolean {
    return this.open === 0 && !this.inString;
  }
}

/** Only ASCII whitespace (Rust's is_ascii_whitespace). */
const blank = (s: string): boolean => /^[ \t\n\f\r]*$/.test(s);

/** One item's text and the line (from 1) it starts on. */
export interface ItemText {
  line: number;
  text: string;
}

/** The items of `text`, cut as the CLI cuts them (a leading byte-order mark ignored). */
export function splitItems(text: string): ItemText[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const out: ItemText[] = [];
  let pos = 0;
  let lines = 0;
  let mode = 'unknown' as 'unknown' | 'lines' | 'values';
  let rest = '';
  const settle = (at: number) => {
    if (mode === 'unknown') mode = at === lines ? 'lines' : 'values';
  };
  for (;;) {
    let buf = '';
    let first: number | undefined;
    const depth = new Nesting();
    for (;;) {
      let line: string;
      if (rest === '') {
        if (pos >= input.length) {
          // The end: a value left open is still an item (its error is the engine's or JSON.parse's to name).
          if (first !== undefined) out.push({ line: first, text: buf });
          return out;
        }
        const nl = input.indexOf('\n', pos);
        const end = nl < 0 ? input.length : nl + 1;
        line = input.slice(pos, end);
        pos = end;
        lines++;
      } else {
        // The rest of the line a value closed in: same line.
        line = rest;
        rest = '';
      }
      if (first === undefined && blank(line)) continue;
      const at = first ?? lines;
      first = at;
      const closes = depth.feedUntilClosed(line);
      if (closes !== undefined && !blank(line.slice(closes))) {
        // More on the line: the next item starts there.
        rest = line.slice(closes);
        buf += line.slice(0, closes);
        settle(at);
        out.push({ line: at, text: buf });
        break;
      }
      buf += line;
      if (mode === 'lines' || closes !== undefined || depth.closed()) {
        if (mode !== 'lines') settle(at);
        out.push({ line: at, text: buf });
        break;
      }
    }
  }
}

/** An item that is not JSON: its line and JSON.parse's words. */
export interface BadItem {
  line: number;
  detail: string;
}

/**
 * The plan items of `text`: each value of {@link splitItems} parsed, an
 * array's elements items of their own (a list of pages, offers or lines);
 * what is not JSON is left out and listed.
 */
export function readItems(text: string): { items: unknown[]; bad: BadItem[] } {
  const items: unknown[] = [];
  const bad: BadItem[] = [];
  for (const { line, text: value } of splitItems(text)) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) items.push(...parsed);
      else items.push(parsed);
    } catch (e) {
      bad.push({ line, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return { items, bad };
}
