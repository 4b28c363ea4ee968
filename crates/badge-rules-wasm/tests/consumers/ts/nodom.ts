// Compiled with lib: ["es2022"] and no @types: the declarations need neither
// the DOM nor Node. (console is declared here for the same reason.)
import init, { check, initSync, type CheckDocument, type InitInput, type Report } from 'badge-rules';

declare const console: { log(...values: unknown[]): void };
declare const bytes: Uint8Array;

const doc: CheckDocument = { kind: 'badgesQuery', request: { limit: 0 } };
const report: Report = check(doc);
const input: InitInput = bytes;
initSync({ module: bytes });
void init({ module_or_path: input });
console.log(report.verdict);
