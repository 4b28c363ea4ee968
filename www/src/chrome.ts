// The page's frame around the tabs: the starting language, the language
// picker, and the tab list (buttons with arrow keys, the URL hash).
import { currentLang, h, onLang, tx } from './ui';
import { formLanguages, t, type Key, type Lang } from './i18n';

/** The language asked in ?lang=, else the browser's first one if the form has it, else English. */
export function startLang(known: readonly Lang[] = formLanguages()): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  const found = known.find((l) => l === asked);
  if (found) return found;
  const browser = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return known.find((l) => browser.startsWith(l)) ?? 'en';
}

/** One button per language of `list`, each named in its own language. */
export function languageSwitch(list: readonly Lang[], onChange: (l: Lang) => void): HTMLElement {
  const buttons = list.map((code) => {
    const b = h('button', { type: 'button', lang: code, 'data-lang': code, class: 'lang' }, t('languageName', code));
    b.addEventListener('click', () => onChange(code));
    return b;
  });
  onLang(() => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === currentLang()));
  });
  const group = h('div', { class: 'langs', role: 'group' }, ...buttons);
  onLang(() => group.setAttribute('aria-label', t('language', currentLang())));
  return group;
}

export interface TabEntry {
  id: string;
  label: Key;
  sub: Key;
  panel: HTMLElement;
}

export function tabs(list: TabEntry[]): HTMLElement {
  const tablist = h('div', { class: 'tabs', role: 'tablist' });
  onLang(() => tablist.setAttribute('aria-label', t('operations', currentLang())));
  const buttons: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (i: number, focus: boolean) => {
    list.forEach((_item, j) => {
      const on = i === j;
      buttons[j].setAttribute('aria-selected', String(on));
      buttons[j].tabIndex = on ? 0 : -1;
      panels[j].hidden = !on;
    });
    if (focus) buttons[i].focus();
    history.replaceState(null, '', `#${list[i].id}`);
    document.documentElement.dataset.tab = list[i].id;
  };
  list.forEach((item, i) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `panel-${item.id}`, 'aria-selected': 'false', tabindex: '-1',
    }, h('span', { class: 'tab-title' }, tx(item.label)), h('span', { class: 'tab-sub' }, tx(item.sub)));
    button.addEventListener('click', () => select(i, false));
    button.addEventListener('keydown', (e) => {
      const n = list.length;
      const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n
        : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (to >= 0) {
        e.preventDefault();
        select(to, true);
      }
    });
    buttons.push(button);
    tablist.append(button);
    panels.push(h('div', { role: 'tabpanel', id: `panel-${item.id}`, 'aria-labelledby': `tab-${item.id}`, hidden: true }, item.panel));
  });
  const fromHash = list.findIndex((item) => `#${item.id}` === location.hash);
  select(fromHash >= 0 ? fromHash : 0, false);
  return h('div', { class: 'tabbed' }, tablist, ...panels);
}
