// The Plan tab's example: a GET /sale/badge-campaigns response, eight offers
// as {offer, metrics} lines, one badge and one application, shaped as
// Allegro returns them (the few fields the engine reads, and some it
// ignores). Each offer shows one answer: accepted, a live badge (BA15), an
// application pending (BB12), an auction (BA70), no stock (BA17), an
// inactive offer, no market price known, a price raised within 30 days.

/**
 * BARGAIN's terms, as its regulations state them (examples/plan/context.json
 * has the same): without them its depth is unknown and nothing is proposed.
 */
export const PLAN_EXAMPLE_TERMS = { minPercent: '10', maxPercent: '70', minStock: '2' };

const money = (amount: string) => ({ amount, currency: 'PLN' });

export const PLAN_EXAMPLE_CAMPAIGNS = {
  badgeCampaigns: [
    {
      id: 'BARGAIN', name: 'Strefa okazji', marketplace: { id: 'allegro-pl' }, type: 'DISCOUNT',
      eligibility: { eligible: true, refusalReasons: [] },
      application: { type: 'ALWAYS' }, visibility: { type: 'ALWAYS' }, publication: { type: 'ALWAYS' },
      regulationsLink: 'https://na.allegro.pl/regulamin-kampania-BARGAIN', stockReservationIsRequired: true,
    },
    {
      id: 'HIT', name: 'Hit', marketplace: { id: 'allegro-pl' }, type: 'STANDARD',
      eligibility: { eligible: true, refusalReasons: [] },
      application: { type: 'ALWAYS' }, visibility: { type: 'ALWAYS' }, publication: { type: 'ALWAYS' },
      regulationsLink: 'https://na.allegro.pl/regulamin-kampania-HIT', stockReservationIsRequired: false,
    },
    {
      id: 'BLACK_WEEK', name: 'Black Week', marketplace: { id: 'allegro-pl' }, type: 'DISCOUNT',
      eligibility: { eligible: true, refusalReasons: [] },
      application: { type: 'NEVER' }, visibility: { type: 'ALWAYS' }, publication: { type: 'ALWAYS' },
      stockReservationIsRequired: true,
    },
  ],
};

function offer(id: string, name: string, price: string, o: { format?: string; stock?: number; status?: string } = {}) {
  return {
    id, name, category: { id: '257931' },
    sellingMode: { format: o.format ?? 'BUY_NOW', price: money(price), minimalPrice: null, startingPrice: null },
    stock: { available: o.stock ?? 25, sold: 3 },
    publication: { status: o.status ?? 'ACTIVE', startedAt: '2026-06-01T08:00:00.000Z', endingAt: null },
    b2b: { buyableOnlyByBusiness: false },
  };
}

export const PLAN_EXAMPLE_LINES = [
  { offer: offer('7300000001', 'Czajnik elektryczny 1,7 l', '149.99'), metrics: { lowestPrice30Days: money('149.99'), soldLast30Days: 12 } },
  { offer: offer('7300000002', 'Kubek termiczny 450 ml', '59.00'), metrics: { lowestPrice30Days: money('69.00'), soldLast30Days: 40 } },
  { offer: offer('7300000003', 'Słuchawki bezprzewodowe ANC', '399.00'), metrics: { lowestPrice30Days: money('399.00') } },
  { offer: offer('7300000004', 'Plecak miejski 25 l', '189.00'), metrics: { lowestPrice30Days: money('199.00') } },
  { offer: offer('7300000005', 'Lampka biurkowa LED', '89.90', { format: 'AUCTION' }), metrics: { lowestPrice30Days: money('89.90') } },
  { offer: offer('7300000006', 'Zestaw noży 6 szt.', '229.00', { stock: 0 }), metrics: { lowestPrice30Days: money('229.00') } },
  { offer: offer('7300000007', 'Klocki konstrukcyjne 500 el.', '129.00', { status: 'INACTIVE' }), metrics: { lowestPrice30Days: money('129.00') } },
  { offer: offer('7300000008', 'Ładowarka USB-C 65 W', '119.00') },
  { offer: offer('7300000009', 'Poduszka ortopedyczna', '99.00'), metrics: { lowestPrice30Days: money('89.00'), soldLast30Days: 7 } },
];

export const PLAN_EXAMPLE_BADGES = {
  badges: [
    {
      offer: { id: '7300000003' }, campaign: { id: 'BARGAIN', name: 'Strefa okazji' }, publication: null,
      prices: { market: money('399.00') }, process: { status: 'ACTIVE', rejectionReasons: [] },
    },
  ],
};

export const PLAN_EXAMPLE_APPLICATIONS = {
  badgeApplications: [
    {
      id: '8a457b8f-627d-43cf-8806-f06f8d13c306', createdAt: '2026-11-20T09:30:00.000Z',
      campaign: { id: 'HIT' }, offer: { id: '7300000004' }, prices: null,
      process: { status: 'REQUESTED', rejectionReasons: [] },
    },
  ],
};
