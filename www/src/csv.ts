// The Plan tab's CSV download made safe to open in a spreadsheet: planCsv()
// (the CLI's `badge-rules plan --format csv`) writes offer and campaign ids,
// messages and errors as they came, so an offer id such as
// =HYPERLINK("http://x","y") would be a formula in Excel or LibreOffice
// (CSV injection). As OWASP recommends, a text cell that starts with = + - @,
// a tab or a carriage return gets a single quote in front ('=HYPERLINK(…)),
// which spreadsheets show as text. The amount columns keep a decimal number
// as it is (a spreadsheet reads it as a number, not a formula). Every other
// byte is planCsv()'s: a cell that needs nothing is left as it was, so the
// download equals planCsv() for ordinary inputs, and neutralising twice
// changes nothing (a quoted cell no longer starts with a trigger).
//
// planCsv() writes the dialect of its `lang` (docs/PLAN.md): rfc4180 (`,`,
// 199.00) in English, excel-pl (`;`, 199,00, Polish verdicts) in Polish,
// which Excel and LibreOffice in Polish open as columns with numbers. The
// download keeps that dialect: its separator is read from the header, whose
// first column's name holds neither `,` nor `;`.

/** The first characters that make a spreadsheet read a cell as a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA = /^[=+\-@\t\r]/;

/** An amount as the plan writes it: a decimal number, its mark a point (rfc4180) or a comma (excel-pl). */
const DECIMAL = /^-?\d+([.,]\d+)?$/;

/** The columns of a plan's CSV that hold amounts: the proposed bargain price, the lowest and highest that pass. */
export const PLAN_AMOUNT_COLUMNS: readonly number[] = [3, 5, 6];

/** `cell` with a single quote in front when a spreadsheet would read it as a formula; an amount that is a decimal number stays as it is. */
export function neutraliseCell(cell: string, amount = false): string {
  if (amount && DECIMAL.test(cell)) return cell;
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/** The separator of a plan's CSV: the first `,` or `;` of its header (`offer,campaign,…` or `oferta;kampania;…`). */
export function csvSeparator(text: string): ',' | ';' {
  const first = /[,;]/.exec(text.slice(0, text.search(/\r?\n|$/)));
  return first?.[0] === ';' ? ';' : ',';
}

/** The records of an RFC 4180 text separated by `separator` (quoted fields may hold it, quotes doubled, line breaks); a record ends at CRLF or LF. */
export function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let started = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '' && !started) {
      // A quoted field: up to the quote that is not doubled.
      started = true;
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      continue;
    }
    if (c === separator) {
      record.push(field);
      field = '';
      started = false;
      i++;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      started = true;
      i++;
    }
  }
  if (started || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** One CSV record separated by `separator`, ending in CRLF, quoted as planCsv() quotes: a field with the separator, a quote or a line break, quotes doubled. */
export function csvRecord(fields: readonly string[], separator = ','): string {
  const quote = (f: string) => f.includes(separator) || /["\r\n]/.test(f);
  return `${fields.map((f) => (quote(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(separator)}\r\n`;
}

/** A plan's CSV in its dialect (its byte-order mark and separator kept) with every cell a spreadsheet would read as a formula neutralised. */
export function neutralisePlanCsv(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const separator = csvSeparator(body);
  const records = parseCsv(body, separator);
  return bom + records.map((r) => csvRecord(r.map((cell, j) => neutraliseCell(cell, PLAN_AMOUNT_COLUMNS.includes(j))), separator)).join('');
}
