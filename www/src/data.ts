// Data the form starts from: Allegro's published example response and the
// example figures of each tab. No rule lives here, and no built-in campaign:
// those come from the package (builtInCampaigns).
/** GET /sale/badge-campaigns as Allegro's OpenAPI description publishes it. */
export const ALLEGRO_EXAMPLE_CAMPAIGNS = {
  badgeCampaigns: [
    {
      id: 'BARGAIN',
      name: 'Strefa okazji',
      marketplace: { id: 'allegro-pl' },
      type: 'DISCOUNT',
      eligibility: { eligible: true, refusalReasons: [] },
      application: { type: 'ALWAYS' },
      visibility: { type: 'WITHIN', from: '2018-01-01T23:00:00Z', to: '2020-10-04T23:00:00Z' },
      publication: { type: 'UNTIL', to: '2020-10-03T23:00:00Z' },
      regulationsLink: 'https://na.allegro.pl/regulamin-kampania-BARGAIN',
      stockReservationIsRequired: true,
    },
    {
      id: 'HIT',
      name: 'Hit',
      marketplace: { id: 'allegro-pl' },
      type: 'STANDARD',
      eligibility: {
        eligible: false,
        refusalReasons: [
          { code: 'BB1', messages: [{ text: 'The account does not meet the quality criteria', link: null }] },
        ],
      },
      application: { type: 'NEVER' },
      visibility: { type: 'ALWAYS' },
      publication: { type: 'SINCE', from: '2018-11-04T23:00:00Z' },
      regulationsLink: 'https://na.allegro.pl/regulamin-kampania-HIT',
      stockReservationIsRequired: false,
    },
  ],
};

/** Field values by control id. Checkboxes take 'true'/'', radio groups their value. */
export type Values = Record<string, string>;

/** The sandbox example of examples/sandbox-accept.json, before the seller types a price. */
export const APPLICATION_EXAMPLE: Values = {
  'a-campaign': 'SANDBOX_TEST_CAMPAIGN',
  'a-offer-id': '12345678',
  'a-price': '200.00',
  'a-offer-currency': 'PLN',
  'a-lowest': '200.00',
  'a-stock': '25',
  'a-format': 'BUY_NOW',
  'a-status': 'ACTIVE',
  'a-listed': '2026-10-01',
  'a-category': '257150',
  'a-bargain': '',
  'a-currency': 'PLN',
  'a-limit': '',
  'a-declared': '',
  'a-account-id': '1001',
  'a-company': 'true',
  'a-quality': 'true',
  'a-ratings': '',
  'a-history': 'none',
  'a-allegro-prices': 'no',
};

export const APPLICATION_EMPTY: Values = {
  'a-campaign': 'SANDBOX_TEST_CAMPAIGN',
  'a-offer-currency': 'PLN',
  'a-currency': 'PLN',
  'a-history': 'unknown',
  'a-allegro-prices': 'unknown',
};

export const UPDATE_EXAMPLE: Values = {
  'u-campaign': 'SANDBOX_TEST_CAMPAIGN',
  'u-offer-id': '12345678',
  'u-action': 'price',
  'u-bargain': '',
  'u-currency': 'PLN',
  'u-badge-status': 'ACTIVE',
  'u-badge-market': '200.00',
  'u-badge-ends': '',
  'u-ops': 'none',
  'u-price': '200.00',
  'u-offer-currency': 'PLN',
  'u-format': 'BUY_NOW',
  'u-company': 'true',
};

export const UPDATE_EMPTY: Values = {
  'u-campaign': 'SANDBOX_TEST_CAMPAIGN',
  'u-action': 'price',
  'u-currency': 'PLN',
  'u-offer-currency': 'PLN',
  'u-ops': 'unknown',
};

/** examples/partner-level-partner.json */
export const PARTNER_EXAMPLE: Values = {
  'p-business': 'true',
  'p-website': 'true',
  'p-certificate': 'true',
  'p-gaining': 'true',
  'p-investing': 'true',
  'p-customers': '4',
  'p-spend': '250000.00',
  'p-tool-sponsored': 'true',
  'p-tool-graphic': '',
  'p-tools-other': '',
  'p-logo': 'true',
  'p-plus-logo': '',
};

export const PARTNER_EMPTY: Values = {};
