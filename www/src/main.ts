// Starts the page: loads the engine, builds the tabs (src/tabs/) inside
// the page's frame, and re-checks a tab on every edit. The form decides
// nothing itself: every verdict is the engine's.
import './style.css';
import init, { languages, version } from 'badge-rules';
import { refreshCampaignSelects } from './campaigns';
import { keepFocusClearOfBar, languageSwitch, startLang, tabs } from './chrome';
import { formLanguages, t } from './i18n';
import { applicationTab } from './tabs/application';
import { partnerTab } from './tabs/partner';
import { planTab } from './tabs/plan';
import { updateTab } from './tabs/update';
import { h, setLang, tx } from './ui';

function start(): void {
  const root = document.getElementById('app')!;
  const offered = formLanguages(languages());
  setLang(startLang(offered));
  const app = applicationTab();
  const upd = updateTab();
  const partner = partnerTab();
  const planned = planTab();
  // Only the tab on screen is checked at once (before the first paint, and
  // on every change that concerns all tabs); the others are marked stale
  // and checked when they are shown.
  const byId = { application: app, update: upd, partner, plan: planned };
  const stale = new Set<{ run: () => void }>();
  const visible = () => byId[(document.documentElement.dataset.tab ?? 'application') as keyof typeof byId];
  const runTab = (tab: { run: () => void }) => {
    if (tab === visible()) {
      stale.delete(tab);
      tab.run();
    } else {
      stale.add(tab);
    }
  };
  const whenShown = (tab: { run: () => void; shown?: () => void }) => () => {
    if (stale.delete(tab)) tab.run();
    tab.shown?.();
  };
  const runAll = () => {
    for (const tab of Object.values(byId)) runTab(tab);
  };
  const header = h('header', { class: 'top' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'b'),
      h('div', {}, h('h1', {}, tx('title')), h('p', { class: 'tagline' }, tx('tagline')))),
    languageSwitch(offered, (l) => {
      setLang(l);
      refreshCampaignSelects();
      runAll();
    }));
  const skip = h('a', { class: 'skip', href: '#' }, tx('skipToResult'));
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    const tab = document.documentElement.dataset.tab ?? 'application';
    document.getElementById(`${tab === 'application' ? 'a' : tab === 'update' ? 'u' : tab === 'plan' ? 'n' : 'p'}-results`)?.focus();
  });
  const tabbed = tabs([
    { id: 'application', label: 'tabApplication', sub: 'tabApplicationSub', panel: app.panel, shown: whenShown(app) },
    { id: 'update', label: 'tabUpdate', sub: 'tabUpdateSub', panel: upd.panel, shown: whenShown(upd) },
    { id: 'partner', label: 'tabPartner', sub: 'tabPartnerSub', panel: partner.panel, shown: whenShown(partner) },
    { id: 'plan', label: 'tabPlan', sub: 'tabPlanSub', panel: planned.panel, shown: whenShown(planned) },
  ]);
  const footer = h('footer', { class: 'foot' }, h('p', {}, tx('footer', () => ({ version: version() }))));
  root.classList.remove('boot');
  root.replaceChildren(skip, header, h('main', {}, tabbed), footer);

  // Live results: every edit re-checks its tab.
  for (const tab of [app, upd, partner]) {
    tab.panel.addEventListener('input', tab.run);
    tab.panel.addEventListener('change', tab.run);
  }
  keepFocusClearOfBar(root);
  // A pasted campaign list also feeds the update tab's choices.
  app.panel.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).id === 'a-campaigns-json') runTab(upd);
  });
  document.addEventListener('campaigns-changed', () => runTab(upd));
  runAll();
  document.documentElement.dataset.ready = 'true';
}

init()
  .then(start)
  .catch((e: unknown) => {
    const root = document.getElementById('app')!;
    root.replaceChildren(h('p', { class: 'fatal', role: 'alert' }, t('loadFailed', startLang()), String(e)));
  });
