/** The trace view in real Chromium: entries table, filters, state restore, keyboard, tabs, flow diagrams, big traces. */
import type { FromUiMessage } from '../../src/ui/index';
import { renderReportToElement } from '../../src/ui/index';
import { h } from '../../src/ui/dom';
import { deepEq, eq, ok, one, texts } from './assert';
import { ALL, cleanup, clone, click, frame, key, mount, NONE, real, rows, sample } from './ui.helpers';

suite('ui: trace and flow views', () => {
  teardown(cleanup);

  test('entries table: only token entries by default, with kinds and worst finding', () => {
    const m = mount(sample);
    deepEq(rows(m.root), ['0', '2']);
    deepEq(texts(m.root, '.ftn-trace tbody tr[data-index="2"] td'), ['10:06:34.400', 'POST', 'demo.idura.broker', '/oauth2/token', '200', 'client_assertion, id_token', '✖ error']);
    eq(one(m.root, '.ftn-count').textContent, '2 of 5 entries');
  });

  test('filters: only tokens, only errors, host and URL text change the visible rows', () => {
    const m = mount(sample);
    const set = (sel: string, fn: (el: HTMLInputElement & HTMLSelectElement) => void, ev = 'change'): void => {
      const el = one<HTMLInputElement & HTMLSelectElement>(m.root, sel);
      fn(el);
      el.dispatchEvent(new Event(ev, { bubbles: true }));
    };
    set('[data-filter="only-tokens"]', (e) => { e.checked = false; });
    deepEq(rows(m.root), ['0', '1', '2', '3', '4']);
    set('[data-filter="host"]', (e) => { e.value = 'app.example.com'; });
    deepEq(rows(m.root), ['1', '3']);
    set('[data-filter="host"]', (e) => { e.value = ''; });
    set('[data-filter="search"]', (e) => { e.value = 'LOGO'; }, 'input');
    deepEq(rows(m.root), ['4']);
    set('[data-filter="search"]', (e) => { e.value = ''; }, 'input');
    set('[data-filter="only-errors"]', (e) => { e.checked = true; });
    deepEq(rows(m.root), ['2']);
    const s = m.store.s as Record<string, unknown>;
    deepEq([s.onlyTokens, s.onlyErrors, s.host, s.search], [false, true, '', '']);
  });

  test('selection, filters and tab are restored from host state on re-mount', () => {
    const store = { s: undefined as unknown };
    const a = mount(sample, ALL, store);
    click(one(a.root, '.ftn-trace tbody tr[data-index="2"] td'));
    eq(one(a.root, '.ftn-inspector').dataset.token, '1', 'first token of the entry');
    click(one(a.root, '.ftn-detail .ftn-tab[data-token="2"]'));
    click(one(a.root, '[data-filter="only-errors"]'));
    click(one(a.root, '.ftn-tab[data-tab="flows"]'));
    a.app.dispose();
    const b = mount(sample, ALL, store);
    eq(one(b.root, '.ftn-inspector').dataset.token, '2');
    eq(one(b.root, '.ftn-tab[data-tab="flows"]').getAttribute('aria-selected'), 'true');
    click(one(b.root, '.ftn-tab[data-tab="entries"]'));
    eq(one<HTMLInputElement>(b.root, '[data-filter="only-errors"]').checked, true);
    eq(one(b.root, '.ftn-trace tbody tr[aria-selected="true"]').dataset.index, '2');
    eq(one(b.root, '.ftn-detail .ftn-tab[aria-selected="true"]').dataset.token, '2');
  });

  test('keyboard: arrows move between entries, Enter opens the inspector', () => {
    const m = mount(sample);
    const first = one(m.root, '.ftn-trace tbody tr[data-index="0"]');
    eq(first.tabIndex, 0, 'roving tabindex starts on the first row');
    first.focus();
    key(first, 'ArrowDown');
    const second = one(m.root, '.ftn-trace tbody tr[data-index="2"]');
    eq(document.activeElement, second);
    eq(second.getAttribute('aria-selected'), 'true');
    eq(first.tabIndex, -1);
    deepEq(m.posted.at(-1), { type: 'selected', token: 1 });
    key(second, 'Enter');
    eq(document.activeElement, one(m.root, '.ftn-detail'));
    key(second, 'ArrowUp');
    eq(one(m.root, '.ftn-inspector').dataset.token, '0');
  });

  test('a live report update keeps keyboard focus on the selected row', () => {
    const m = mount(sample);
    const first = one(m.root, '.ftn-trace tbody tr[data-index="0"]');
    first.focus();
    key(first, 'ArrowDown');
    m.app.receive({ type: 'report', report: clone(sample) });
    const active = document.activeElement as HTMLElement;
    ok(m.root.contains(active) && active !== first, 'focus inside the new table');
    eq(active.dataset.index, '2');
  });

  test('tabs are ARIA tabs and arrow keys switch them', () => {
    const m = mount(sample);
    const list = one(m.root, '[role="tablist"][aria-label="trace views"]');
    const entries = one(list, '[data-tab="entries"]');
    eq(entries.getAttribute('role'), 'tab');
    key(entries, 'ArrowRight');
    eq(one(list, '[data-tab="flows"]').getAttribute('aria-selected'), 'true');
    eq(m.root.querySelectorAll('[role="tabpanel"] .ftn-flow').length, 1);
  });

  test('flow diagram: one arrow per step, labels and token labels that select tokens', () => {
    const m = mount(sample);
    click(one(m.root, '.ftn-tab[data-tab="flows"]'));
    const fig = one(m.root, '.ftn-flow');
    eq(fig.dataset.verdict, 'errors');
    const arrows = fig.querySelectorAll<SVGGElement>('svg .ftn-arrow');
    eq(arrows.length, sample.flows![0].steps.length);
    deepEq(Array.from(arrows, (a) => a.dataset.step), ['authorize', 'callback', 'token']);
    deepEq(texts(fig, '.ftn-arrow-label'), ['1. authorize GET /oauth2/authorize → 302', '2. callback GET /callback → 200', '3. token POST /oauth2/token → 200']);
    deepEq(texts(fig, '.ftn-lane-name'), ['browser', 'client', 'broker']);
    deepEq(Array.from(arrows[2].querySelectorAll('.ftn-flow-token'), (t) => [t.getAttribute('data-token'), t.textContent]), [['1', 'client_assertion ✖'], ['2', 'id_token ✖']]);
    click(one(fig, '.ftn-flow-token[data-token="1"]'));
    eq(one(m.root, '.ftn-inspector').dataset.token, '1');
    ok(one(m.root, '.ftn-inspector h2').textContent?.startsWith('client_assertion'), 'inspector shows the assertion');
    eq(one(fig, '.ftn-findings a.ftn-rule').textContent, 'FTN-CA-AUD-VAL');
  });

  test('5,000 entries render incrementally: 200 rows first, more on scroll, scroll restored', async () => {
    const big = clone(sample);
    const e0 = big.entries![0];
    big.entries = Array.from({ length: 5000 }, (_, i) => ({ ...e0, entry: i, path: `/p/${i}`, url: `https://demo.idura.broker/p/${i}` }));
    const store = { s: undefined as unknown };
    const t0 = performance.now();
    const m = mount(big, ALL, store);
    const ms = performance.now() - t0;
    ok(ms < 1500, `mounted in ${ms.toFixed(0)} ms`);
    eq(m.root.querySelectorAll('.ftn-trace tbody tr').length, 200);
    const scroller = one(m.root, '.ftn-scroll');
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    eq(m.root.querySelectorAll('.ftn-trace tbody tr').length, 400);
    const saved = scroller.scrollTop;
    ok(saved > 0, 'scrolled');
    eq((store.s as { scrollTop: number }).scrollTop, saved);
    m.app.dispose();
    const b = mount(big, ALL, store);
    await frame();
    eq(one(b.root, '.ftn-scroll').scrollTop, saved);
  });

  test('renderReportToElement renders a report with in-memory state', () => {
    const root = h('div');
    document.getElementById('fixture')?.append(root);
    const posted: FromUiMessage[] = [];
    const app = renderReportToElement(sample, root, { ...NONE, liveCapture: true }, (m) => posted.push(m));
    click(one(root, '[data-action="pause"]'));
    deepEq(posted.slice(-1), [{ type: 'capture', action: 'pause' }]);
    eq(one(root, '[data-action="pause"]').textContent, 'Resume');
    eq(root.querySelectorAll('.ftn-trace tbody tr').length, 2);
    app.dispose();
    root.remove();
  });

  test('the real pipeline report of examples/ftn-login.har: token rows, one flow, an arrow per step, token labels', () => {
    const m = mount(real);
    deepEq(rows(m.root), real.entries!.filter((e) => e.tokens.length).map((e) => String(e.entry)));
    click(one(m.root, '.ftn-tab[data-tab="flows"]'));
    const flows = m.root.querySelectorAll('.ftn-flow');
    eq(flows.length, real.flows!.length);
    const steps = real.flows![0].steps;
    eq(flows[0].querySelectorAll('.ftn-arrow').length, steps.length);
    deepEq(Array.from(flows[0].querySelectorAll('.ftn-arrow'), (a) => a.getAttribute('data-step')), steps.map((s) => s.step));
    deepEq(Array.from(flows[0].querySelectorAll('.ftn-flow-token'), (t) => t.getAttribute('data-token')), steps.flatMap((s) => s.tokens).map(String));
    const idt = real.tokens.findIndex((t) => t.kind === 'id_token');
    click(one(m.root, `.ftn-flow-token[data-token="${idt}"]`));
    eq(one(m.root, '[data-status="decryption:decrypted"]').dataset.status, 'decryption:decrypted');
    eq(one(m.root, '.ftn-nested [data-status="signature:valid"]').dataset.status, 'signature:valid');
    eq(one(m.root, '.ftn-nested tr[data-name="hetu"] td').textContent, '131052-308T');
  });
});
