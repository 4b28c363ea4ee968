// The Plan tab: a GET /sale/badge-campaigns response, offers (a GET
// /sale/offers page, offer resources or {offer, metrics} lines, pasted or
// dropped as a file), optionally badges and applications: every (offer,
// campaign) pair with its verdict, the bargain price to propose and, when
// accepted, its POST /sale/badges body, as the package's plan() gives them
// (the CLI's `badge-rules plan`). The table sorts by verdict and filters by
// code; the CSV (formulas neutralised, csv.ts) and the bodies download as
// files. Nothing is decided here.
import initPlan, { plan, planCsv, type PlanLine, type PlanOptions } from 'badge-rules/plan';
import { neutralisePlanCsv } from '../csv';
import { moneyRangeText, moneyText, t, type Key, type Lang } from '../i18n';
import { readItems, type BadItem } from '../items';
import type { FileItems } from '../items-worker';
import {
  PLAN_EXAMPLE_APPLICATIONS, PLAN_EXAMPLE_BADGES, PLAN_EXAMPLE_CAMPAIGNS, PLAN_EXAMPLE_LINES, PLAN_EXAMPLE_TERMS,
} from '../plan-example';
import {
  areaField, checkField, currentLang, fillSelect, h, onLang, row, section, selectField, setValue, showMessages, syncAria, textField, tx, valueOf,
} from '../ui';
import { sendAmount } from '../money';
import { forget, recall, remember } from '../storage';
import { now, termsFieldset, termsOf, toolbar, type TabPanel } from './common';

type Json = unknown;

/** The order of a sort by verdict, ascending. */
const VERDICTS = ['ACCEPT', 'INCOMPLETE', 'REJECT', 'ERROR'];

/** A pair's line's verdict, `ERROR` for an input error. */
const verdictOf = (l: PlanLine): string => ('error' in l ? 'ERROR' : l.verdict);

/** At most this many rows in the table (the downloads hold every pair). */
const SHOWN_ROWS = 1000;

/** At most this many unreadable values are listed (each a line of the status); the rest are counted. */
const SHOWN_PROBLEMS = 10;

/** The problems of values that are not JSON, in `lang`, at most SHOWN_PROBLEMS of them and a count of the rest. */
function badItems(bad: BadItem[], lang: Lang, file?: string): string[] {
  const where = (line: number) => (file ? `${file}:${line}` : String(line));
  const shown = bad.slice(0, SHOWN_PROBLEMS).map((b) => t('planBadLine', lang, { line: where(b.line), detail: b.detail }));
  if (bad.length > SHOWN_PROBLEMS) shown.push(t('planMoreProblems', lang, { n: bad.length - SHOWN_PROBLEMS }));
  return shown;
}

/** The offers of plan items: a page's offers, one for any other item. */
const offersIn = (items: unknown[]): number => items.reduce<number>((n, item) => {
  const page = (item as { offers?: unknown } | null)?.offers;
  return n + (Array.isArray(page) ? page.length : 1);
}, 0);

/** What the chosen files held: each file's items and the values that are not JSON. */
type Files = FileItems[];

/** Reads `files` off the page's thread (items-worker.ts); on the page's thread where no worker can start. */
async function readFiles(files: File[]): Promise<Files> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../items-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) {
    const out: Files = [];
    for (const file of files) out.push({ name: file.name, ...readItems(await file.text()) });
    return out;
  }
  const w = worker;
  return new Promise<Files>((ok, fail) => {
    w.onmessage = (e: MessageEvent<{ files: Files }>) => {
      w.terminate();
      ok(e.data.files);
    };
    w.onerror = (e) => {
      w.terminate();
      fail(new Error(e.message));
    };
    w.postMessage({ id: 0, files });
  });
}

/** A downloaded file of `text`. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// badge-rules/plan is a module of its own, with its own .wasm, which no other
// tab needs: it is loaded the first time the Plan tab is shown or asked to
// plan, not with the page.
const load: { state: 'idle' | 'loading' | 'ready' | 'failed'; error: string; done?: Promise<boolean> } = { state: 'idle', error: '' };
function loadPlan(): Promise<boolean> {
  if (!load.done) {
    load.state = 'loading';
    load.done = initPlan().then(
      () => {
        load.state = 'ready';
        return true;
      },
      (e: unknown) => {
        load.state = 'failed';
        load.error = e instanceof Error ? e.message : String(e);
        return false;
      },
    );
  }
  return load.done;
}

export function planTab(): TabPanel {
  const campaigns = areaField('n-campaigns', 'planCampaignsLabel', { help: 'planCampaignsHelp', rows: 6, placeholder: '{"badgeCampaigns": [...]}' });
  const offers = areaField('n-offers', 'planOffersLabel', { help: 'planOffersHelp', rows: 8, placeholder: '{"offers": [...], "count": 1, "totalCount": 1}' });
  const file = h('input', { type: 'file', id: 'n-offers-file', multiple: true, accept: '.json,.jsonl,.ndjson,application/json' });
  const fileLabel = h('label', { for: 'n-offers-file', class: 'help' }, tx('planOffersFile'));
  offers.wrap.append(h('div', { class: 'field' }, fileLabel, file));
  const badges = areaField('n-badges', 'planBadgesLabel', { help: 'planHistoryHelp', rows: 3, optional: true, placeholder: '{"badges": [...]}' });
  const applications = areaField('n-applications', 'planApplicationsLabel', { rows: 3, optional: true, placeholder: '{"badgeApplications": [...]}' });
  // Allegro Prices (BA24): not checked, none of the offers, or the answer of
  // POST /sale/allegro-prices/offers-queries for them, put into the plan's
  // context as `allegroPrices`.
  const allegroPrices = selectField('n-allegro-prices', 'planApLabel',
    [['unknown', 'planApUnknown'], ['none', 'planApNone'], ['paste', 'planApPaste']]);
  const allegroPricesJson = areaField('n-allegro-prices-json', 'planApJsonLabel', { help: 'planApHelp', rows: 3, placeholder: '{"offers": [...]}' });
  const company = checkField('n-company', 'planCompany');
  const quality = checkField('n-quality', 'planQuality');
  const campaign = selectField('n-campaign', 'planCampaign', [['', 'planAllOpen']]);
  const price = selectField('n-price', 'planPrice', [['highest', 'planPriceHighest'], ['lowest', 'planPriceLowest'], ['discount', 'planPriceDiscount']]);
  const discount = textField('n-discount', 'planDiscount', { inputmode: 'decimal', placeholder: '15' });
  const terms = termsFieldset('n');
  const runButton = h('button', { type: 'submit', class: 'primary', id: 'n-run' }, tx('planRun'));

  const form = h('form', { class: 'form', novalidate: true },
    h('p', { class: 'help' }, tx('planIntro')),
    section('planInputs', campaigns.wrap, offers.wrap, badges.wrap, applications.wrap, allegroPrices.wrap, allegroPricesJson.wrap),
    section('planAccount', company.wrap, quality.wrap),
    section('planHow', row(campaign.wrap, price.wrap, discount.wrap), terms.wrap, h('p', { class: 'help', id: 'n-terms-note' }, tx('planTermsNote')), runButton),
  );
  onLang(() => form.setAttribute('aria-label', t('tabPlan', currentLang())));

  const status = h('div', { class: 'status', id: 'n-status', role: 'status' });
  const summary = h('p', { id: 'n-summary' }, tx('planNothing'));
  const shown = h('p', { class: 'help', id: 'n-shown' });
  const codeFilter = h('select', { id: 'n-filter-code' });
  const filterWrap = h('div', { class: 'field' }, h('label', { for: 'n-filter-code' }, tx('planFilterCode')), codeFilter);
  const sortButton = h('button', { type: 'button', class: 'ghost small', id: 'n-sort-verdict' }, tx('planColVerdict'));
  onLang(() => sortButton.setAttribute('aria-label', t('planSortVerdict', currentLang())));
  const verdictHead = h('th', { scope: 'col', id: 'n-col-verdict', 'aria-sort': 'none' }, sortButton);
  const head = (key: Key) => h('th', { scope: 'col' }, tx(key));
  const body = h('tbody', { id: 'n-rows' });
  const table = h('table', { class: 'campaigns plan', id: 'n-table' },
    h('thead', {}, h('tr', {}, head('planColOffer'), head('planColCampaign'), verdictHead, head('planColPrice'), head('planColRange'), head('planColCodes'))),
    body);
  const csvButton = h('button', { type: 'button', class: 'ghost', id: 'n-download-csv', disabled: true }, tx('planDownloadCsv'));
  const bodiesText = h('span', {});
  const bodiesButton = h('button', { type: 'button', class: 'ghost', id: 'n-download-bodies', disabled: true }, bodiesText);
  const contextView = h('pre', { id: 'n-doc' });
  const results = h('section', { class: 'results', id: 'n-results', tabindex: '-1', 'aria-labelledby': 'n-results-title' },
    h('h2', { id: 'n-results-title' }, tx('planResults')),
    status, summary, h('div', { class: 'toolbar' }, csvButton, bodiesButton), filterWrap, shown,
    h('div', { class: 'table-wrap' }, table),
    h('details', { class: 'block doc' }, h('summary', {}, tx('planContext')), contextView));

  let lines: PlanLine[] = [];
  /** The chosen files' items, planned after the pasted ones. */
  let fileItems: Files = [];
  let reading = false;
  let order: 'none' | 'ascending' | 'descending' = 'none';
  let planned = false;

  /** The context and options the fields give, or the problems that stop the plan. */
  const inputs = (): { context: Record<string, Json>; items: Json[]; options: PlanOptions; problems: string[]; stop: boolean } => {
    const fatal: string[] = [];
    const lang = currentLang();
    const parse = (id: string, key: Key): Json | undefined => {
      const text = valueOf(id).trim();
      if (!text) return undefined;
      try {
        return JSON.parse(text);
      } catch (e) {
        fatal.push(t('planBadJson', lang, { field: t(key, lang), detail: (e as Error).message }));
        return undefined;
      }
    };
    const context: Record<string, Json> = {
      now: now(),
      account: { company: valueOf('n-company') === 'true', meetsQualityCriteria: valueOf('n-quality') === 'true' },
    };
    const list = parse('n-campaigns', 'planCampaignsLabel');
    if (list !== undefined) context.campaigns = list;
    const b = parse('n-badges', 'planBadgesLabel');
    if (b !== undefined) context.badges = b;
    const a = parse('n-applications', 'planApplicationsLabel');
    if (a !== undefined) context.applications = a;
    const ap = valueOf('n-allegro-prices');
    if (ap === 'none') context.allegroPrices = { offers: [] };
    else if (ap === 'paste') {
      const answer = parse('n-allegro-prices-json', 'planApJsonLabel');
      if (answer !== undefined) context.allegroPrices = answer;
    }
    const pasted = readItems(valueOf('n-offers'));
    const items = [...pasted.items, ...fileItems.flatMap((f) => f.items)];
    const lineProblems = [...badItems(pasted.bad, lang), ...fileItems.flatMap((f) => badItems(f.bad, lang, f.name))];
    const chosen = valueOf('n-campaign');
    // The terms given are the chosen campaign's, or (every open campaign
    // planned) every DISCOUNT campaign's of the pasted list.
    const given = termsOf('n');
    if (given) {
      const listed = Array.isArray(list) ? list : (list as { badgeCampaigns?: unknown } | undefined)?.badgeCampaigns;
      const ids = chosen
        ? [chosen]
        : (Array.isArray(listed) ? listed : [])
          .filter((c) => c && typeof c === 'object' && (c as { type?: unknown }).type === 'DISCOUNT' && typeof (c as { id?: unknown }).id === 'string')
          .map((c) => (c as { id: string }).id);
      if (ids.length) context.campaignTerms = Object.fromEntries(ids.map((id) => [id, given]));
    }
    const rule = valueOf('n-price');
    const options: PlanOptions = {
      lang,
      campaigns: chosen ? [chosen] : [],
      price: rule === 'discount' ? (`discount=${sendAmount(valueOf('n-discount'))}` as PlanOptions['price']) : rule as PlanOptions['price'],
    };
    return { context, items, options, problems: [...fatal, ...lineProblems], stop: fatal.length > 0 };
  };

  /** The campaign choices: every campaign of the pasted response. */
  const refreshCampaigns = () => {
    const chosen = valueOf('n-campaign');
    let ids: string[] = [];
    try {
      const value = JSON.parse(valueOf('n-campaigns'));
      const list: Json[] = Array.isArray(value) ? value : (value?.badgeCampaigns ?? []);
      ids = list.map((c) => (c as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
    } catch {
      ids = [];
    }
    fillSelect(campaign.controls[0] as HTMLSelectElement, [['', 'planAllOpen'], ...ids.map((id) => [id, { raw: id }] as [string, { raw: string }])]);
    setValue('n-campaign', ids.includes(chosen) ? chosen : '');
  };

  /** The table, filtered by code and sorted as asked. */
  const render = () => {
    const code = codeFilter.value;
    const rank = (l: PlanLine) => VERDICTS.indexOf(verdictOf(l));
    const indexed = lines.map((l, i) => ({ l, i })).filter(({ l }) => !code || ('error' in l ? false : l.violations.some((v) => v.code === code)));
    if (order !== 'none') {
      const sign = order === 'ascending' ? 1 : -1;
      indexed.sort((x, y) => sign * (rank(x.l) - rank(y.l)) || x.i - y.i);
    }
    // At most SHOWN_ROWS rows (the CSV and the bodies hold every pair), put
    // in through a fragment: a spread of many thousand nodes into one call
    // overflows the stack.
    const rows = document.createDocumentFragment();
    rows.append(...indexed.slice(0, SHOWN_ROWS).map(({ l }) => {
      const v = verdictOf(l);
      if ('error' in l) {
        return h('tr', { 'data-verdict': v, class: 'plan-error' },
          h('td', {}, l.offerId ?? ''), h('td', {}, l.campaignId ?? ''), h('td', {}, h('span', { class: 'tag', 'data-state': v }, v)),
          h('td', { colspan: '3' }, t('planInputError', currentLang(), { where: `${l.file}:${l.line} ${l.error.path}`.trim(), message: l.error.message })));
      }
      const range = l.hints.bargain ? moneyRangeText(l.hints.bargain, currentLang()) : '–';
      const codes = h('td', { class: 'codes' }, ...l.violations.map((x) => h('span', { class: 'code', title: x.message, 'data-code': x.code }, x.code)));
      return h('tr', { 'data-verdict': v, 'data-offer': l.offerId, 'data-campaign': l.campaignId, 'data-codes': l.violations.map((x) => x.code).join(' ') },
        h('td', {}, l.offerId), h('td', {}, l.campaignId), h('td', {}, h('span', { class: 'tag', 'data-state': v }, v)),
        h('td', { class: 'num' }, l.proposedBargain ? moneyText(l.proposedBargain.amount, l.proposedBargain.currency, currentLang()) : '–'),
        h('td', { class: 'num' }, range), codes);
    }));
    body.replaceChildren(rows);
    verdictHead.setAttribute('aria-sort', order);
    shown.textContent = !lines.length ? ''
      : indexed.length > SHOWN_ROWS ? t('planShownFirst', currentLang(), { shown: SHOWN_ROWS, matching: indexed.length, pairs: lines.length })
        : t('planShown', currentLang(), { shown: indexed.length, pairs: lines.length });
  };

  /** Plans what the fields hold, and shows it. */
  const run = () => {
    if (reading) return;
    const lang = currentLang();
    const { context, items, options, problems, stop } = inputs();
    contextView.textContent = JSON.stringify(context, null, 2);
    status.replaceChildren(...problems.map((p) => h('div', {}, p)));
    status.dataset.ok = String(problems.length === 0);
    const previous = lines;
    lines = [];
    showMessages(discount, [], false, false);
    syncAria();
    const wanted = !stop && items.length > 0 && context.campaigns !== undefined;
    if (wanted && load.state !== 'ready') {
      // The planner's module is still loading (or failed): plan once it is in.
      summary.textContent = load.state === 'failed' ? t('planLoadFailed', lang, { message: load.error }) : t('planLoading', lang);
      if (load.state === 'idle' || load.state === 'loading') void loadPlan().then((ok) => ok && run());
      return;
    }
    if (wanted) {
      try {
        lines = plan(context as Parameters<typeof plan>[0], items as Parameters<typeof plan>[1], options);
      } catch (e) {
        const err = e as { path?: string; message?: string };
        if (err.path === 'options.price') {
          // The discount the engine cannot take: said at its field in the
          // page's language (the engine's text is the CLI flag's), and the
          // plan shown stays.
          showMessages(discount, [h('p', { class: 'violation', 'data-code': 'DISCOUNT' }, t('planDiscountBad', lang))], true, false);
          syncAria();
          lines = previous;
          render();
          return;
        }
        status.append(h('div', {}, err.message ?? String(e)));
        status.dataset.ok = 'false';
      }
    }
    planned = lines.length > 0;
    const count = (v: string) => lines.filter((l) => verdictOf(l) === v).length;
    summary.textContent = planned
      ? t('planSummary', lang, { pairs: lines.length, accept: count('ACCEPT'), reject: count('REJECT'), incomplete: count('INCOMPLETE'), errors: count('ERROR') })
      : t('planNothing', lang);
    const codes = [...new Set(lines.flatMap((l) => ('error' in l ? [] : l.violations.map((v) => v.code))))].sort();
    const chosen = codeFilter.value;
    codeFilter.replaceChildren(h('option', { value: '' }, t('planAllCodes', lang)), ...codes.map((c) => h('option', { value: c }, c)));
    codeFilter.value = (codes as string[]).includes(chosen) ? chosen : '';
    const bodies = lines.filter((l) => !('error' in l) && l.body);
    bodiesText.textContent = t('planDownloadBodies', lang, { n: bodies.length });
    csvButton.disabled = !planned;
    bodiesButton.disabled = bodies.length === 0;
    render();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
    results.focus();
  });
  campaigns.controls[0].addEventListener('input', refreshCampaigns);
  const syncDiscount = () => {
    (discount.controls[0] as HTMLInputElement).disabled = valueOf('n-price') !== 'discount';
  };
  price.controls[0].addEventListener('change', syncDiscount);
  const syncAllegroPrices = () => {
    allegroPricesJson.wrap.hidden = valueOf('n-allegro-prices') !== 'paste';
  };
  allegroPrices.controls[0].addEventListener('change', syncAllegroPrices);
  codeFilter.addEventListener('change', render);
  sortButton.addEventListener('click', () => {
    order = order === 'ascending' ? 'descending' : 'ascending';
    render();
  });
  csvButton.addEventListener('click', () => {
    const { context, items, options } = inputs();
    // Formula injection neutralised (csv.ts): ids and messages start no formula in a spreadsheet.
    const csv = planCsv(context as Parameters<typeof plan>[0], items as Parameters<typeof plan>[1], options);
    download('plan.csv', neutralisePlanCsv(csv), 'text/csv;charset=utf-8');
  });
  bodiesButton.addEventListener('click', () => {
    const text = lines.flatMap((l) => ('error' in l || !l.body ? [] : [JSON.stringify(l.body)])).join('\n') + '\n';
    download('bodies.jsonl', text, 'application/x-ndjson');
  });

  /**
   * Files of offers (several: a page holds 1,000 offers), read off the
   * page's thread and planned after what is pasted; choosing none forgets
   * them. "Reading…" until they are in.
   */
  const takeFiles = async (list: File[]) => {
    const lang = currentLang();
    reading = true;
    runButton.disabled = true;
    status.dataset.ok = 'true';
    status.replaceChildren(h('div', { id: 'n-reading' }, t('planReading', lang, { files: list.map((f) => f.name).join(', ') })));
    try {
      fileItems = list.length ? await readFiles(list) : [];
    } catch (e) {
      fileItems = [];
      status.replaceChildren(h('div', {}, t('planReadFailed', currentLang(), { message: e instanceof Error ? e.message : String(e) })));
      status.dataset.ok = 'false';
      return;
    } finally {
      reading = false;
      runButton.disabled = false;
    }
    run();
    status.prepend(...fileItems.map((f) => h('div', { class: 'ok' }, t('planFileRead', currentLang(), { name: f.name, n: offersIn(f.items) }))));
  };
  file.addEventListener('change', () => {
    void takeFiles([...(file.files ?? [])]);
  });
  const area = offers.controls[0];
  area.addEventListener('dragover', (e) => e.preventDefault());
  area.addEventListener('drop', (e) => {
    const dropped = [...((e as DragEvent).dataTransfer?.files ?? [])];
    if (!dropped.length) return;
    e.preventDefault();
    void takeFiles(dropped);
  });

  // What was pasted is remembered in this browser (storage.ts) until Forget.
  const REMEMBERED = ['n-campaigns', 'n-offers', 'n-badges', 'n-applications', 'n-allegro-prices-json'];
  const saved = recall('plan');
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => { remember('plan', Object.fromEntries(REMEMBERED.map((id) => [id, valueOf(id)]))); }, 250);
  };
  form.addEventListener('input', save);

  const fill = (example: boolean) => {
    setValue('n-campaigns', example ? JSON.stringify(PLAN_EXAMPLE_CAMPAIGNS, null, 2) : '');
    setValue('n-offers', example ? PLAN_EXAMPLE_LINES.map((l) => JSON.stringify(l)).join('\n') : '');
    fileItems = [];
    file.value = '';
    setValue('n-badges', example ? JSON.stringify(PLAN_EXAMPLE_BADGES, null, 2) : '');
    setValue('n-applications', example ? JSON.stringify(PLAN_EXAMPLE_APPLICATIONS, null, 2) : '');
    setValue('n-allegro-prices', example ? 'none' : 'unknown');
    setValue('n-allegro-prices-json', '');
    setValue('n-company', 'true');
    setValue('n-quality', 'true');
    setValue('n-price', 'highest');
    setValue('n-discount', '');
    setValue('n-terms-min', example ? PLAN_EXAMPLE_TERMS.minPercent : '');
    setValue('n-terms-max', example ? PLAN_EXAMPLE_TERMS.maxPercent : '');
    setValue('n-terms-stock', example ? PLAN_EXAMPLE_TERMS.minStock : '');
    refreshCampaigns();
    syncDiscount();
    syncAllegroPrices();
    run();
  };
  fill(false);
  if (saved) {
    for (const id of REMEMBERED) setValue(id, saved[id] ?? '');
    refreshCampaigns();
    run();
  }
  const forgetButton = h('button', { type: 'button', class: 'ghost', id: 'n-forget' }, tx('forgetPasted'));
  forgetButton.addEventListener('click', () => {
    clearTimeout(saveTimer);
    forget('plan');
    fill(false);
  });
  const bar = toolbar(() => { fill(true); save(); }, () => { fill(false); save(); });
  bar.append(forgetButton, h('span', { class: 'small', id: 'n-remembered' }, tx('rememberedNote')));
  const panel = h('div', {}, bar,
    h('div', { class: 'plan-layout' }, h('div', { class: 'main' }, form), results));
  // The language: the table's messages and summary in it, if there is a plan.
  const relabel = () => {
    if (planned) run();
    else summary.textContent = t('planNothing', currentLang());
  };
  return { panel, run: relabel, shown: () => void loadPlan() };
}
