// The Ads Partner tab: an agency's figures, the level they reach, its benefits,
// and what is missing for the next level.
import { PARTNER_EMPTY, PARTNER_EXAMPLE, type Values } from '../data';
import { partnerDocument } from '../documents';
import { t, type Key } from '../i18n';
import { resolver, resultsView, show, type Tab } from '../results';
import { checkField, currentLang, groupTarget, h, onLang, row, section, textField, tx } from '../ui';
import { applyValues, now, panelLayout, toolbar, values, type TabPanel } from './common';

export function partnerTab(): TabPanel {
  const basics = [
    checkField('p-business', 'pBusiness'), checkField('p-website', 'pWebsite'), checkField('p-certificate', 'pCertificate'),
    checkField('p-gaining', 'pGaining'), checkField('p-investing', 'pInvesting'),
  ];
  const customers = textField('p-customers', 'pCustomers', { inputmode: 'numeric', placeholder: '3' });
  const spend = textField('p-spend', 'pSpend', { inputmode: 'decimal', placeholder: '100000.00' });
  const sponsored = checkField('p-tool-sponsored', 'toolSponsored');
  const graphic = checkField('p-tool-graphic', 'toolGraphic');
  const other = textField('p-tools-other', 'pToolsOther', { optional: true });
  const toolsHead = h('div', { class: 'group-msg' });
  const toolsSet = h('fieldset', { class: 'field radios', id: 'p-tools-field' }, h('legend', {}, tx('pTools')), toolsHead, sponsored.wrap, graphic.wrap, other.wrap);
  const tools = groupTarget('p-tools', 'pTools', [sponsored, graphic, other], toolsSet, toolsHead);
  const logo = checkField('p-logo', 'pLogo');
  const plusLogo = checkField('p-plus-logo', 'pPlusLogo');

  const results = resultsView('p', { body: false, problemsTitle: 'forNextLevel' });
  const form = h('form', { class: 'form', novalidate: true },
    section('partnerBasics', ...basics.map((b) => b.wrap)),
    section('partnerFigures', row(customers.wrap, spend.wrap), toolsSet),
    section('pLogos', logo.wrap, plusLogo.wrap),
  );
  onLang(() => form.setAttribute('aria-label', t('tabPartner', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());
  const own = [...basics, customers, spend, sponsored, graphic, other, tools, logo, plusLogo];
  const violation = resolver({
    businessAccount: 'p-business',
    websiteActive: 'p-website',
    adsCertificate: 'p-certificate',
    gainingCustomers: 'p-gaining',
    investingInCampaigns: 'p-investing',
    activeCustomers: 'p-customers',
    quarterlySpendGross: 'p-spend',
    adsTools: 'p-tools',
    partnerLogo: 'p-logo',
    partnerPlusLogo: 'p-plus-logo',
  });
  const context = resolver({}, violation);

  const level = h('p', { class: 'level', id: 'p-level' });
  const benefits = h('ul', { class: 'plain benefits', id: 'p-benefits' });
  results.slot.append(h('div', { class: 'level-card' }, h('span', { class: 'label', id: 'p-level-label' }, tx('levelReached')), level,
    h('h3', {}, tx('benefits')), benefits));
  const tab: Tab = {
    key: 'p', own, violation, context, results,
    extra: (report) => {
      const lang = currentLang();
      const reached = report?.level ?? 'NONE';
      level.dataset.level = reached;
      level.textContent = t(`level${reached}` as Key, lang);
      const items = report?.benefits ?? [];
      benefits.replaceChildren(...(items.length ? items.map((b) => h('li', { 'data-code': b.code }, b.text)) : [h('li', { class: 'muted' }, t('noBenefits', lang))]));
    },
  };
  const run = () => show(tab, partnerDocument(values('p-')), now());
  const reset = (preset: Values) => {
    applyValues('p-', preset);
    run();
  };
  const panel = panelLayout(toolbar(() => reset(PARTNER_EXAMPLE), () => reset(PARTNER_EMPTY)), form, results);
  applyValues('p-', PARTNER_EXAMPLE);
  return { panel, run };
}
