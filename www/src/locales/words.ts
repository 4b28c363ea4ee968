// The key set of the form's own words, defined once: every locale file is a
// `Words`, so a locale missing a key, with an extra key, or dropping one of a
// text's {placeholders} fails `tsc --noEmit`. Allegro's messages are not here:
// the engine gives them, in the language asked for.

/**
 * A text that must hold each placeholder `{P}` of `P`, in any order; t() fills
 * them. `Text<'n'>` accepts '{n} read.' and refuses 'read.'.
 */
export type Text<P extends string> = UnionToIntersection<P extends string ? `${string}{${P}}${string}` : never>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export interface Words {
  // The language itself
  /** The language's own name, shown in the language picker ("Polski"). */
  languageName: string;
  /** The BCP 47 locale dates and numbers are written in ("pl-PL"). */
  dateLocale: string;
  /** How a currency follows an amount: its symbol (`zł`) or its ISO code (`PLN`). */
  currencyDisplay: 'symbol' | 'code';
  /** An amount and its currency, each already written in the language. */
  money: Text<'amount' | 'currency'>;
  /** A range of amounts in one currency. */
  moneyRange: Text<'min' | 'max' | 'currency'>;

  // The page
  title: string;
  tagline: string;
  language: string;
  skipToResult: string;
  loading: string;
  loadFailed: string;
  operations: string;
  tabApplication: string;
  tabUpdate: string;
  tabPartner: string;
  tabApplicationSub: string;
  tabUpdateSub: string;
  tabPartnerSub: string;
  example: string;
  /** The Plan tab's button that forgets what was pasted (localStorage). */
  forgetPasted: string;
  /** Where what was pasted is kept. */
  rememberedNote: string;
  clear: string;
  optional: string;
  unknown: string;
  yes: string;
  no: string;

  // Campaign
  campaign: string;
  campaignPick: string;
  builtInCampaigns: string;
  pastedCampaigns: string;
  pasteCampaigns: string;
  pasteCampaignsLabel: string;
  pasteCampaignsHelp: string;
  useAllegroExample: string;
  campaignsRead: Text<'n'>;
  campaignsNone: string;
  notJson: Text<'e'>;
  noCampaignList: string;
  colCampaign: string;
  colType: string;
  colApplications: string;
  type: string;
  marketplace: string;
  applicationWindow: string;
  publicationWindow: string;
  visibilityWindow: string;
  stockReservation: string;
  stockReservationRequired: string;
  stockReservationNo: string;
  eligibility: string;
  terms: string;
  periodAlways: string;
  periodNever: string;
  periodSince: Text<'from'>;
  periodUntil: Text<'to'>;
  periodWithin: Text<'from' | 'to'>;
  periodMissing: string;
  termDiscount: Text<'base' | 'range'>;
  termBaseMARKET: string;
  termBaseBASE_PRICE: string;
  termBaseAVERAGE_SELLING_PRICE: string;
  termAnyDepth: string;
  termMinStock: Text<'n'>;
  termCompany: string;
  termOther: Text<'key' | 'value'>;

  // Offer
  offer: string;
  pasteOffer: string;
  pasteOfferLabel: string;
  pasteOfferHelp: string;
  offerFilled: Text<'id'>;
  offerNotObject: string;
  /** After a pasted offer: the fields it does not give, whose values were kept. */
  offerKept: Text<'fields'>;
  termsLegend: string;
  termsHelp: string;
  termsMinPercent: string;
  termsMaxPercent: string;
  termsMinStock: string;
  planTermsNote: string;
  regulations: string;
  offerUnknown: Text<'fields'>;
  offerId: string;
  offerPrice: string;
  offerCurrency: string;
  lowest30: string;
  lowest30Help: string;
  stock: string;
  format: string;
  formatBUY_NOW: string;
  formatAUCTION: string;
  formatADVERTISEMENT: string;
  status: string;
  statusACTIVE: string;
  statusACTIVATING: string;
  statusINACTIVE: string;
  statusENDED: string;
  statusARCHIVED: string;
  listed: string;
  category: string;

  // Application
  application: string;
  bargain: string;
  currency: string;
  perUser: string;
  perUserHelp: string;
  declared: string;
  declaredHelp: string;
  /** The bargain prices that pass: `{range}` is a moneyRange. */
  hint: Text<'range' | 'campaign'>;
  hintLabel: string;

  // Account
  account: string;
  accountId: string;
  company: string;
  quality: string;
  ratings: string;

  // History
  history: string;
  historyLegend: string;
  historyNone: string;
  historyPaste: string;
  historyUnknown: string;
  /** Allegro Prices (BA24): the offer's status in the program on the campaign's marketplace. */
  apLegend: string;
  apUnknown: string;
  apNo: string;
  apYes: string;
  apHelp: string;
  /** The Plan tab's Allegro Prices: unknown, none of the offers, a pasted offers-queries answer. */
  planApLabel: string;
  planApUnknown: string;
  planApNone: string;
  planApPaste: string;
  planApJsonLabel: string;
  planApHelp: string;
  planContext: string;
  badgesJson: string;
  applicationsJson: string;
  /** How many badges a pasted GET /sale/badges response holds. */
  listReadBadges: Text<'n'>;
  /** How many applications a pasted GET /sale/badge-applications response holds. */
  listReadApplications: Text<'n'>;
  noList: Text<'key'>;

  // Badge update
  update: string;
  updateAction: string;
  actionPrice: string;
  actionFinish: string;
  newBargain: string;
  /** At the empty new bargain price: a price change needs one. */
  newBargainRequired: string;
  badgeNow: string;
  badgeStatus: string;
  badgeNone: string;
  bsIN_VERIFICATION: string;
  bsWAITING_FOR_PUBLICATION: string;
  bsACTIVE: string;
  bsFINISHED: string;
  bsDECLINED: string;
  badgeMarket: string;
  badgeMarketHelp: string;
  badgeEnds: string;
  badgeEndsHelp: string;
  pendingOps: string;
  opsNone: string;
  opsPending: string;
  offerNow: string;
  updateCampaignsNote: string;

  // Partner
  partnerBasics: string;
  pBusiness: string;
  pWebsite: string;
  pCertificate: string;
  pGaining: string;
  pInvesting: string;
  partnerFigures: string;
  pCustomers: string;
  pSpend: string;
  pTools: string;
  toolSponsored: string;
  toolGraphic: string;
  pToolsOther: string;
  pLogos: string;
  pLogo: string;
  pPlusLogo: string;
  levelReached: string;
  levelNONE: string;
  levelMEMBER: string;
  levelPARTNER: string;
  levelPARTNER_PLUS: string;
  benefits: string;
  noBenefits: string;
  forNextLevel: string;
  topLevel: string;

  // Results
  result: string;
  verdictACCEPT: string;
  verdictREJECT: string;
  verdictINCOMPLETE: string;
  verdictTODO: Text<'fields'>;
  verdictERROR: string;
  partnerACCEPT: string;
  partnerREJECT: string;
  partnerINCOMPLETE: string;
  /** A level is reached (the next one is not yet): `{level}` is its name. */
  partnerREACHED: Text<'level'>;
  problems: string;
  noProblems: string;
  notChecked: string;
  needs: Text<'what'>;
  advice: string;
  atField: Text<'field'>;
  wholeRequest: string;
  body: string;
  bodyNote: string;
  partnerBodyNote: string;
  /** The heading of the panel with Allegro's answer, predicted. */
  allegroAnswer: string;
  allegroNote: string;
  /** How Allegro answers, one gloss per `outcome` of the package's Response. */
  'outcome.error': string;
  'outcome.eligibility': string;
  'outcome.declined': string;
  'outcome.accepted': string;
  'outcome.pending': string;
  'outcome.none': string;
  /** The heading of the later lookup: `{request}` is Allegro's endpoint. */
  allegroLater: Text<'request'>;
  copy: string;
  copied: string;
  copyFailed: string;
  document: string;
  checkedAt: Text<'time'>;
  inputError: Text<'path' | 'message'>;
  /** At a field whose value the engine cannot read: `{value}` is what was typed. */
  inputUnreadable: Text<'value'>;
  inputUnreadableAmount: Text<'value'>;
  inputUnreadableCount: Text<'value'>;
  showAt: string;
  footer: Text<'version'>;

  // Labels of report params (the figures behind a decision).
  'param.bargain': string;
  'param.market': string;
  'param.discountPercent': string;
  'param.minPercent': string;
  'param.maxPercent': string;
  'param.available': string;
  'param.minStock': string;
  'param.currency': string;
  'param.expected': string;
  'param.price': string;
  'param.refusal': string;

  // The Plan tab (badge-rules plan over a catalogue).
  tabPlan: string;
  tabPlanSub: string;
  planIntro: string;
  planInputs: string;
  planCampaignsLabel: string;
  planCampaignsHelp: string;
  planOffersLabel: string;
  planOffersHelp: string;
  planOffersFile: string;
  planBadgesLabel: string;
  planApplicationsLabel: string;
  planHistoryHelp: string;
  planAccount: string;
  planCompany: string;
  planQuality: string;
  planHow: string;
  planCampaign: string;
  planAllOpen: string;
  planPrice: string;
  planPriceHighest: string;
  planPriceLowest: string;
  planPriceDiscount: string;
  planDiscount: string;
  planRun: string;
  planResults: string;
  planNothing: string;
  planLoading: string;
  planLoadFailed: Text<'message'>;
  planSummary: Text<'pairs' | 'accept' | 'reject' | 'incomplete' | 'errors'>;
  planShown: Text<'shown' | 'pairs'>;
  /** A discount the planner cannot take, at its field. */
  planDiscountBad: string;
  /** More pairs match than the table shows. */
  planShownFirst: Text<'shown' | 'matching' | 'pairs'>;
  planFilterCode: string;
  planAllCodes: string;
  planColOffer: string;
  planColCampaign: string;
  planColVerdict: string;
  planColPrice: string;
  planColRange: string;
  planColCodes: string;
  planSortVerdict: string;
  planDownloadCsv: string;
  planDownloadBodies: Text<'n'>;
  planBadJson: Text<'field' | 'detail'>;
  planBadLine: Text<'line' | 'detail'>;
  planFileRead: Text<'name' | 'n'>;
  /** While the chosen files are read (off the page's thread). */
  planReading: Text<'files'>;
  planReadFailed: Text<'message'>;
  /** More values that are not JSON than the status lists. */
  planMoreProblems: Text<'n'>;
  planInputError: Text<'where' | 'message'>;
}
