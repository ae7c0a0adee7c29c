// @vitest-environment-options { "url": "https://www.shop.test/" }
/**
 * The chat runtime's logic with the show settings, on a made-up vendor (no
 * HubSpot): a vendor that loads and shows nothing, a refresh asked for while
 * loading, openChat() where the chat does not show. What a browser decides
 * (focus, what is visible) is proven in test/browser/chat-*.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate } from '../../src/index';
import { chatOptionSpecs } from '../../src/contract/chat-options';
import type { Vendor } from '../../src/types';

const gates: { destroy(): void }[] = [];
afterEach(() => {
  for (const g of gates.splice(0)) g.destroy();
  document.body.innerHTML = '';
  for (const c of document.cookie.split(/;\s*/).filter(Boolean)) document.cookie = `${c.split('=')[0]}=; path=/; max-age=0`;
  vi.restoreAllMocks();
});

/** A chat vendor whose UI appears `after` ms after open (never, with null). */
function vendor(after: number | null, load: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  let shown = false;
  const v: Vendor = {
    id: 'acme-chat',
    title: 'Acme Chat',
    provider: 'Acme Ltd',
    privacyPolicyUrl: 'https://acme.example/privacy',
    purpose: 'functional',
    summary: 'Live chat.',
    hosts: [{ host: 'widget.acme.example', purpose: 'functional', description: 'widget', source: 'test' }],
    cookies: [],
    storage: [],
    options: { ...chatOptionSpecs },
    adapter: {
      load: async () => {
        calls.push('load');
        await load();
      },
      open: () => {
        calls.push('open');
        if (after !== null) setTimeout(() => (shown = true), after);
      },
      status: () => ({ loaded: shown }),
      refresh: () => void calls.push('refresh'),
      unload: () => void calls.push('unload'),
    },
  };
  return { vendor: v, calls };
}

function gateWith(v: Vendor, options: Record<string, unknown>) {
  const gate = createConsentGate({ vendors: { [v.id]: options } } as any, { catalog: [v], autoShow: false }) as any;
  gates.push(gate);
  return gate;
}

describe('a vendor that loads and shows nothing', () => {
  it('appearWithin: failed with reason hidden, its load undone, a console warning that says why, a panel without "Try again"', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { vendor: v, calls } = vendor(null);
    const gate = gateWith(v, { consentOnClick: 'click', fallbackUrl: 'mailto:help@shop.test', show: { appearWithin: 200 } });
    expect(await gate.openChat()).toBe(false);
    expect(gate.chat().status()).toMatchObject({ state: 'failed', reason: 'hidden', loaded: false });
    expect(calls).toEqual(['load', 'open', 'unload']);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^consent-gate: acme-chat loaded but showed no chat within 200 ms: its own settings/),
    ]);
    const panel = document.querySelector('[data-consent-gate-failure="hidden"]')!;
    expect(panel.textContent).toContain('The chat is not available on this page right now.');
    expect(panel.querySelector('.cg-chat-retry')).toBeNull();
    expect(panel.querySelector('a.cg-chat-fallback')?.getAttribute('href')).toBe('mailto:help@shop.test');
  });

  it("appearWithin: a UI that comes in time is ready (the runtime waits for the vendor's status)", async () => {
    const { vendor: v } = vendor(150);
    const gate = gateWith(v, { consentOnClick: 'click', show: { appearWithin: 2000 } });
    expect(await gate.openChat()).toBe(true);
    expect(gate.chat().status()).toMatchObject({ state: 'ready', loaded: true });
  });

  it('without appearWithin, the timeout gives reason hidden once the code has loaded, timeout before', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hangs = vendor(null, () => new Promise(() => undefined));
    const g1 = gateWith(hangs.vendor, { consentOnClick: 'click', timeout: 100 });
    expect(await g1.openChat()).toBe(false);
    expect(g1.chat().status()).toMatchObject({ state: 'failed', reason: 'timeout' });
    g1.destroy();
    document.body.innerHTML = '';
    const quiet = vendor(null);
    // open() that never settles stands for a vendor waiting for a UI that never comes
    quiet.vendor.adapter.open = () => new Promise(() => undefined);
    const g2 = gateWith(quiet.vendor, { consentOnClick: 'click', timeout: 100 });
    expect(await g2.openChat()).toBe(false);
    expect(g2.chat().status()).toMatchObject({ state: 'failed', reason: 'hidden' });
  });
});

describe('route changes and the show settings', () => {
  it('a refresh asked for while the chat loads is done once it is there', async () => {
    let finish!: () => void;
    const { vendor: v, calls } = vendor(0, () => new Promise<void>((r) => (finish = r)));
    const gate = gateWith(v, { consentOnClick: 'click' });
    const opened = gate.openChat();
    await vi.waitFor(() => expect(calls).toEqual(['load']));
    await gate.refresh();
    expect(calls).toEqual(['load']);
    finish();
    expect(await opened).toBe(true);
    await vi.waitFor(() => expect(calls).toEqual(['load', 'open', 'refresh']));
  });

  it("a route change refreshes a loaded chat once; the site's own refresh() for that same page adds none, one with options or after another route change does", async () => {
    const { vendor: v, calls } = vendor(0);
    const gate = gateWith(v, { consentOnClick: 'click' });
    expect(await gate.openChat()).toBe(true);
    history.pushState({}, '', '/pricing');
    await vi.waitFor(() => expect(calls).toEqual(['load', 'open', 'refresh']));
    await gate.refresh();
    expect(calls).toEqual(['load', 'open', 'refresh']);
    await gate.refresh({ openToNewThread: true });
    expect(calls).toEqual(['load', 'open', 'refresh', 'refresh']);
    history.pushState({}, '', '/pricing#plans');
    await gate.refresh();
    expect(calls).toEqual(['load', 'open', 'refresh', 'refresh']);
    history.pushState({}, '', '/help/');
    await vi.waitFor(() => expect(calls).toEqual(['load', 'open', 'refresh', 'refresh', 'refresh']));
    history.replaceState({}, '', '/');
  });

  it('openChat() where the chat does not show resolves false, says why, and loads nothing', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { vendor: v, calls } = vendor(0);
    const gate = gateWith(v, { show: { urls: [{ operator: 'starts-with', value: '/help/' }] } });
    expect(await gate.openChat()).toBe(false);
    expect(info).toHaveBeenCalledWith('consent-gate: the acme-chat chat is not shown on this page (show.urls)');
    expect(document.querySelector('[data-consent-gate-prompt]')).toBeNull();
    expect(calls).toEqual([]);
    history.pushState({}, '', '/help/faq');
    await vi.waitFor(() => expect((document.querySelector('button.cg-chat-launcher') as HTMLButtonElement).hidden).toBe(false));
    const pending = gate.openChat();
    await vi.waitFor(() => expect(document.querySelector('[data-consent-gate-prompt]')).not.toBeNull());
    gate.chat().close();
    expect(await pending).toBe(false);
    history.replaceState({}, '', '/');
  });
});
