// The page's frame around the tabs: the starting language, the language
// picker, the tab list (buttons with arrow keys, the URL hash), and keeping
// a focused field clear of the phone's verdict bar.
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
  /** Called each time the tab is shown (the Plan tab loads its module then). */
  shown?: () => void;
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
    if (location.hash !== `#${list[i].id}`) history.replaceState(null, '', `#${list[i].id}`);
    document.documentElement.dataset.tab = list[i].id;
    list[i].shown?.();
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
  // The URL names the tab: read on load and whenever the hash changes (a
  // link, Back), written on every switch.
  const fromHash = () => list.findIndex((item) => `#${item.id}` === location.hash);
  select(Math.max(fromHash(), 0), false);
  window.addEventListener('hashchange', () => {
    const i = fromHash();
    if (i >= 0 && buttons[i].getAttribute('aria-selected') !== 'true') select(i, false);
  });
  return h('div', { class: 'tabbed' }, tablist, ...panels);
}

/**
 * On a phone the verdict bar stays at the bottom of the screen: a field
 * focused behind it is scrolled up until it is clear of the bar.
 */
export function keepFocusClearOfBar(root: HTMLElement): void {
  root.addEventListener('focusin', (e) => {
    const el = e.target as HTMLElement;
    if (!el.matches('input, select, textarea')) return;
    requestAnimationFrame(() => {
      const bar = [...document.querySelectorAll<HTMLElement>('.minibar')].find((b) => b.offsetParent !== null);
      if (!bar) return;
      const top = bar.getBoundingClientRect().top;
      const box = el.getBoundingClientRect();
      const margin = 12;
      if (box.bottom + margin > top) window.scrollBy({ top: box.bottom + margin - top, behavior: 'instant' });
    });
  });
}
