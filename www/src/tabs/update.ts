// The badge update tab (PATCH of a badge): a new bargain price or finishing the
// badge, what is known of the badge and the offer now, and the check document.
import { campaignInfo, campaignMarketplace, campaignSource, refreshCampaignSelect } from '../campaigns';
import { UPDATE_EMPTY, UPDATE_EXAMPLE, type Values } from '../data';
import { updateDocument } from '../documents';
import { moneyRangeText, t, type Key } from '../i18n';
import { resolver, resultsView, show, type Tab } from '../results';
import {
  currencySelect, currentLang, h, onLang, radioGroup, register, row, section, selectField, showHelp, textField, tx, valueOf, type Option,
  type Target,
} from '../ui';
import {
  applyValues, now, OFFER_CURRENCY_LABEL, opts, panelLayout, termsFieldset, termsOf, toolbar, values, yesNo, type TabPanel,
} from './common';

export function updateTab(): TabPanel {
  const campaign = selectField('u-campaign', 'campaignPick', []);
  const campaignSelect = campaign.controls[0] as HTMLSelectElement;
  const info = h('div', { class: 'campaign-info', id: 'u-campaign-info' });
  const offerId = textField('u-offer-id', 'offerId', { inputmode: 'numeric', placeholder: '12345678' });
  const action = radioGroup('u-action', 'updateAction', [['price', 'actionPrice'], ['finish', 'actionFinish']], { inline: true });
  const currency = currencySelect('u-currency', 'currency');
  const bargain = textField('u-bargain', 'newBargain', { inputmode: 'decimal', placeholder: '90.00', beside: currency });
  const currencyTarget: Target = {
    id: 'u-currency', label: 'currency', wrap: bargain.wrap, help: h('p', { id: 'u-currency-help' }), msg: h('div', { id: 'u-currency-msg', class: 'msg' }),
    controls: [currency], touched: false, invalid: false, empty: () => false, focus: () => currency.focus(),
  };
  bargain.msg.after(currencyTarget.msg);
  register(currencyTarget);
  const badgeStatus = selectField('u-badge-status', 'badgeStatus', [['', 'unknown'], ['none', 'badgeNone'],
    ...['IN_VERIFICATION', 'WAITING_FOR_PUBLICATION', 'ACTIVE', 'FINISHED', 'DECLINED'].map((s) => [s, `bs${s}` as Key] as Option)]);
  const offerCurrency = currencySelect('u-offer-currency', OFFER_CURRENCY_LABEL);
  const badgeMarket = textField('u-badge-market', 'badgeMarket', { inputmode: 'decimal', placeholder: '200.00', help: 'badgeMarketHelp' });
  const badgeEnds = textField('u-badge-ends', 'badgeEnds', { type: 'date', help: 'badgeEndsHelp' });
  const ops = selectField('u-ops', 'pendingOps', [['', 'unknown'], ['none', 'opsNone'], ['pending', 'opsPending']]);
  const price = textField('u-price', 'offerPrice', { inputmode: 'decimal', placeholder: '200.00', beside: offerCurrency });
  const format = selectField('u-format', 'format', opts('format', ['BUY_NOW', 'AUCTION', 'ADVERTISEMENT']));
  const offerCurrencyTarget: Target = {
    id: 'u-offer-currency', label: OFFER_CURRENCY_LABEL, wrap: price.wrap, help: price.help, msg: price.msg,
    controls: [offerCurrency], touched: false, invalid: false, empty: () => false, focus: () => offerCurrency.focus(),
  };
  register(offerCurrencyTarget);
  const company = selectField('u-company', 'company', yesNo());

  const results = resultsView('u', { body: true, problemsTitle: 'problems', allegro: true });
  // The change first: the new price is what a seller types.
  const terms = termsFieldset('u');
  const form = h('form', { class: 'form', novalidate: true },
    section('update', action.wrap, h('div', { class: 'lead' }, bargain.wrap)),
    section('campaign', row(campaign.wrap, offerId.wrap), info, terms.wrap, h('p', { class: 'small muted' }, tx('updateCampaignsNote'))),
    section('badgeNow', row(badgeStatus.wrap, badgeMarket.wrap, badgeEnds.wrap), row(ops.wrap)),
    section('offerNow', row(price.wrap, format.wrap)),
    section('account', row(company.wrap)),
  );
  onLang(() => form.setAttribute('aria-label', t('tabUpdate', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());
  const own = [...terms.fields, campaign, offerId, action, bargain, currencyTarget, badgeStatus, badgeMarket, badgeEnds, ops, price, offerCurrencyTarget, format, company];

  const violation = resolver({
    'offerId': 'u-offer-id',
    'campaignId': 'u-campaign',
    'prices': 'u-bargain',
    'prices.bargain.value.currency': 'u-currency',
    'process': 'u-action',
    '': 'u-action',
  });
  const context = resolver({
    'offerId': 'u-offer-id',
    'campaignId': 'u-campaign',
    'campaigns': 'u-campaign',
    'terms.discount.minPercent': 'u-terms-min',
    'terms.discount.maxPercent': 'u-terms-max',
    'terms.discount': 'u-terms-min',
    'terms.minStock': 'u-terms-stock',
    'terms': 'u-terms-min',
    'badges': 'u-badge-status',
    'badges[].prices': 'u-badge-market',
    'badges[].prices.market.currency': 'u-offer-currency',
    'badges[].publication': 'u-badge-ends',
    'operations': 'u-ops',
    'offer': 'u-offer-id',
    'offer.sellingMode.format': 'u-format',
    'offer.sellingMode.price': 'u-price',
    'offer.sellingMode.price.currency': 'u-offer-currency',
    'account': 'u-company',
  }, violation);
  const hint = h('p', { class: 'hint', id: 'u-hint', hidden: true });
  results.slot.append(hint);
  const tab: Tab = {
    key: 'u', own, violation, context, results,
    // The bargain prices that pass, as the application tab shows them.
    extra: (report) => {
      const range = valueOf('u-action') === 'price' ? report?.hints.bargain : undefined;
      const lang = currentLang();
      if (range) {
        const text = t('hint', lang, { range: moneyRangeText(range, lang), campaign: campaignSelect.value });
        hint.hidden = false;
        hint.replaceChildren(h('span', { class: 'label' }, t('hintLabel', lang)), h('strong', {}, text));
        showHelp(bargain, h('span', { class: 'range', id: 'u-bargain-range' }, text));
      } else {
        hint.hidden = true;
        hint.replaceChildren();
        showHelp(bargain, null);
      }
    },
  };

  const run = () => {
    const v = values('u-');
    const finishing = v['u-action'] === 'finish';
    bargain.wrap.hidden = finishing;
    info.replaceChildren(campaignInfo(v['u-campaign']));
    const built = updateDocument({ values: v, now: now(), campaigns: campaignSource(v['u-campaign']), terms: termsOf('u'), marketplace: campaignMarketplace(v['u-campaign']) });
    show(tab, built, (built.document as { now: string }).now);
  };
  const reset = (preset: Values) => {
    applyValues('u-', preset);
    refreshCampaignSelect(campaignSelect, preset['u-campaign']);
    run();
  };
  const panel = panelLayout(toolbar(() => reset(UPDATE_EXAMPLE), () => reset(UPDATE_EMPTY)), form, results);
  refreshCampaignSelect(campaignSelect);
  applyValues('u-', UPDATE_EXAMPLE);
  return { panel, run };
}
