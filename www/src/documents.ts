// From the form's fields to check documents (RULES.md §2). This file only
// carries what the seller typed into Allegro's shapes; every decision about it
// is the engine's. An empty field is an absent input (the engine then lists
// the rules it could not run); a value that does not fit its JSON type is
// passed on as typed, so that the engine names the fault. Amounts are sent as
// Allegro writes them (`99,99` typed is `99.99` sent: src/money.ts); one that
// cannot be read is sent as typed, for the engine's BB6.
import type { Campaign, CheckDocument } from 'badge-rules';
import type { Values } from './data';
import type { Key } from './i18n';
import { sendAmount } from './money';

type Json = Record<string, unknown>;

export interface Built {
  document: CheckDocument;
  /** What would be sent to Allegro (absent for the Ads Partner snapshot). */
  body?: unknown;
  /** `POST /sale/badges`, ... */
  endpoint?: string;
  /**
   * The fields the request needs that are left empty (their ids, and the
   * form's words said there): the body is incomplete, nothing of it is sent as
   * `""`.
   */
  required?: Array<{ id: string; text: Key }>;
}

/** An integer where the text is one, else the text itself (the engine judges it). */
export function count(text: string): number | string {
  const trimmed = text.trim();
  if (/^-?\d{1,15}$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** A date input (YYYY-MM-DD) as an RFC 3339 instant at midnight UTC. */
function instant(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

function prune(o: Json): Json | undefined {
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) delete o[k];
    else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) delete o[k];
  }
  return Object.keys(o).length ? o : undefined;
}

function ifSet<T>(text: string | undefined, make: (t: string) => T): T | undefined {
  return text !== undefined && text.trim() !== '' ? make(text) : undefined;
}

function bool(v: string | undefined): boolean | undefined {
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

function asObject(v: unknown): Json {
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Json) } : {};
}

export interface ApplicationInput {
  values: Values;
  now: string;
  /** The list the chosen campaign comes from (built in, or the pasted response). */
  campaigns: unknown[];
  /** The pasted offer resource, whose other fields are kept. */
  pastedOffer?: Json;
  badges?: unknown[];
  applications?: unknown[];
  /** The chosen campaign's marketplace id, when the form knows it. */
  marketplace?: string;
  /** The campaign's terms the seller gave (absent: none given). */
  terms?: Json;
}

/**
 * The offer's Allegro Prices status as POST /sale/allegro-prices/offers-queries
 * would answer for it (RULES.md §4.6, BA24): `no` an answer that does not list
 * it, `yes` one that lists it on the campaign's marketplace with a price
 * reduction applied now (no figures: the engine reads only that there is
 * one), anything else (not checked) no answer at all.
 */
export function allegroPricesOf(choice: string | undefined, offerId: string, marketplace: string | undefined): Json | undefined {
  if (choice === 'no') return { offers: [] };
  if (choice === 'yes') {
    return { offers: [{ id: offerId.trim(), marketplace: { id: marketplace ?? 'allegro-pl' }, actualPriceReduction: {} }] };
  }
  return undefined;
}

/** `kind: application`: the POST /sale/badges body and its context. */
export function applicationDocument(input: ApplicationInput): Built {
  const v = input.values;
  const request: Json = {
    campaign: { id: v['a-campaign'] ?? '' },
    offer: { id: v['a-offer-id'] ?? '' },
  };
  const bargain = ifSet(v['a-bargain'], (amount) => ({ amount: sendAmount(amount), currency: v['a-currency'] }));
  if (bargain) request.prices = { bargain };
  const limit = ifSet(v['a-limit'], (n) => ({ limit: { perUser: { maxItems: count(n) } } }));
  if (limit) request.purchaseConstraints = limit;
  const declared = ifSet(v['a-declared'], (n) => ({ quantity: count(n) }));
  if (declared) request.declaredStock = declared;

  const currency = v['a-offer-currency'] || 'PLN';
  const offer = asObject(input.pastedOffer);
  const offerId = v['a-offer-id'] ?? '';
  if (offerId.trim() !== '') offer.id = offerId;
  else delete offer.id;
  const sellingMode = asObject(offer.sellingMode);
  sellingMode.format = ifSet(v['a-format'], (f) => f);
  sellingMode.price = ifSet(v['a-price'], (amount) => ({ amount: sendAmount(amount), currency }));
  offer.sellingMode = prune(sellingMode);
  const stock = asObject(offer.stock);
  stock.available = ifSet(v['a-stock'], count);
  offer.stock = prune(stock);
  const publication = asObject(offer.publication);
  publication.status = ifSet(v['a-status'], (s) => s);
  publication.startedAt = ifSet(v['a-listed'], instant);
  // The offer's fields are the offer on the campaign's marketplace (that is
  // what the form asks for): said as its base marketplace, so that a price in
  // another currency is the input error it is, not another marketplace's
  // offer. A pasted offer's own base marketplace is kept.
  const marketplaces = asObject(publication.marketplaces);
  if (!asObject(marketplaces.base).id && input.marketplace) marketplaces.base = { id: input.marketplace };
  publication.marketplaces = prune(marketplaces);
  offer.publication = prune(publication);
  const category = asObject(offer.category);
  category.id = ifSet(v['a-category'], (c) => c);
  offer.category = prune(category);
  const pruned = prune(offer);
  const known = pruned !== undefined && Object.keys(pruned).some((k) => k !== 'id');
  const offerContext = input.pastedOffer || known ? (pruned ?? {}) : undefined;

  const metrics = prune({
    lowestPrice30Days: ifSet(v['a-lowest'], (amount) => ({ amount: sendAmount(amount), currency })),
  });
  const account = prune({
    id: ifSet(v['a-account-id'], (s) => s),
    company: bool(v['a-company']),
    meetsQualityCriteria: bool(v['a-quality']),
    positiveRatingsPercent: ifSet(v['a-ratings'], sendAmount),
  });

  const document = prune({
    kind: 'application',
    now: input.now,
    request,
    campaigns: input.campaigns,
    offer: offerContext,
    metrics,
    account,
    badges: input.badges,
    applications: input.applications,
    allegroPrices: allegroPricesOf(v['a-allegro-prices'], offerId, input.marketplace),
    terms: input.terms,
  }) as unknown as CheckDocument;
  return { document, body: request, endpoint: 'POST /sale/badges' };
}

export interface UpdateInput {
  values: Values;
  now: string;
  campaigns: unknown[];
  /** The campaign's terms the seller gave (absent: none given). */
  terms?: Json;
  /** The chosen campaign's marketplace id, when the form knows it. */
  marketplace?: string;
}

/** `kind: badgeUpdate`: the PATCH body, its path parameters and context. */
export function updateDocument(input: UpdateInput): Built {
  const v = input.values;
  const offerId = v['u-offer-id'] ?? '';
  const campaignId = v['u-campaign'] ?? '';
  const finishing = v['u-action'] === 'finish';
  const amount = ifSet(v['u-bargain'], sendAmount);
  // A price change without a price yet: no `"amount": ""`; the document
  // checks the rest of it (and gives the passing range), the form asks for
  // the price.
  const value: Json = amount === undefined ? { currency: v['u-currency'] } : { amount, currency: v['u-currency'] };
  const request: Json = finishing ? { process: { status: 'FINISHED' } } : { prices: { bargain: { value } } };

  const currency = v['u-offer-currency'] || 'PLN';
  const status = v['u-badge-status'] ?? '';
  let badges: unknown[] | undefined;
  if (status === 'none') badges = [];
  else if (status !== '') {
    badges = [{
      offer: { id: offerId },
      campaign: { id: campaignId },
      process: { status },
      prices: ifSet(v['u-badge-market'], (amount) => ({ market: { amount: sendAmount(amount), currency } })) ?? null,
      publication: ifSet(v['u-badge-ends'], (d) => ({ type: 'UNTIL', to: instant(d) })) ?? null,
    }];
  }
  const ops = v['u-ops'];
  const operations = ops === 'none'
    ? []
    : ops === 'pending'
      ? [{ campaign: { id: campaignId }, offer: { id: offerId }, process: { status: 'REQUESTED' } }]
      : undefined;
  const sellingMode = prune({
    format: ifSet(v['u-format'], (f) => f),
    price: ifSet(v['u-price'], (amount) => ({ amount: sendAmount(amount), currency })),
  });
  // As on the application tab: the offer's price is its price on the campaign's marketplace.
  const publication = input.marketplace ? { marketplaces: { base: { id: input.marketplace } } } : {};
  const offer = sellingMode ? { ...(offerId.trim() ? { id: offerId } : {}), sellingMode, ...publication } : undefined;
  // Allegro answers BB2 on the PATCH too (403): the account is context here as well.
  const account = prune({ company: bool(v['u-company']) });

  const document = prune({
    kind: 'badgeUpdate',
    now: input.now,
    offerId,
    campaignId,
    request,
    campaigns: input.campaigns,
    offer,
    account,
    badges,
    operations,
    terms: input.terms,
  }) as unknown as CheckDocument;
  const path = `/sale/badges/offers/${encodeURIComponent(offerId)}/campaigns/${encodeURIComponent(campaignId)}`;
  const required = !finishing && amount === undefined ? [{ id: 'u-bargain', text: 'newBargainRequired' as Key }] : undefined;
  return { document, body: request, endpoint: `PATCH ${path}`, required };
}

export const TOOL_NAMES: Record<string, string> = {
  'p-tool-sponsored': 'SPONSORED_OFFERS',
  'p-tool-graphic': 'GRAPHIC_ADVERTISING',
};

/** `kind: partnerLevel`: the agency's own snapshot. */
export function partnerDocument(values: Values): Built {
  const v = values;
  const checked = (id: string) => v[id] === 'true';
  const tools = Object.entries(TOOL_NAMES).filter(([id]) => checked(id)).map(([, name]) => name);
  for (const other of (v['p-tools-other'] ?? '').split(',')) {
    if (other.trim()) tools.push(other.trim());
  }
  const request = prune({
    businessAccount: checked('p-business'),
    websiteActive: checked('p-website'),
    adsCertificate: checked('p-certificate'),
    gainingCustomers: checked('p-gaining'),
    investingInCampaigns: checked('p-investing'),
    activeCustomers: ifSet(v['p-customers'], count),
    quarterlySpendGross: ifSet(v['p-spend'], (amount) => ({ amount: sendAmount(amount), currency: 'PLN' })),
    adsTools: tools,
    partnerLogo: checked('p-logo'),
    partnerPlusLogo: checked('p-plus-logo'),
  }) ?? {};
  return { document: { kind: 'partnerLevel', request } as CheckDocument };
}

export type ListParse =
  | { ok: true; list: unknown[] }
  | { ok: false; reason: 'json'; detail: string }
  | { ok: false; reason: 'shape' };

/** A pasted GET response: `{key: [...]}` or the list itself. Empty text is `null`. */
export function parseList(text: string, key: string): ListParse | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (Array.isArray(value)) return { ok: true, list: value };
  if (value && typeof value === 'object' && Array.isArray((value as Json)[key])) {
    return { ok: true, list: (value as Json)[key] as unknown[] };
  }
  return { ok: false, reason: 'shape' };
}

/** The campaigns of a pasted list that the form can offer (those with an id). */
export function listedCampaigns(list: unknown[]): Campaign[] {
  return list.filter((c): c is Campaign =>
    !!c && typeof c === 'object' && typeof (c as Json).id === 'string' && (c as Json).id !== '');
}

/** The form's fields from an offer resource (GET /sale/product-offers/{offerId}). */
export function offerFields(offer: Json): Values {
  const get = (...path: string[]): string => {
    let at: unknown = offer;
    for (const p of path) at = at && typeof at === 'object' ? (at as Json)[p] : undefined;
    return typeof at === 'string' ? at : typeof at === 'number' ? String(at) : '';
  };
  const started = get('publication', 'startedAt');
  return {
    'a-offer-id': get('id'),
    'a-price': get('sellingMode', 'price', 'amount'),
    'a-offer-currency': get('sellingMode', 'price', 'currency'),
    'a-stock': get('stock', 'available'),
    'a-format': get('sellingMode', 'format'),
    'a-status': get('publication', 'status'),
    'a-listed': /^\d{4}-\d{2}-\d{2}/.test(started) ? started.slice(0, 10) : '',
    'a-category': get('category', 'id'),
  };
}
