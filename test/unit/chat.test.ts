// @vitest-environment-options { "url": "https://www.shop.test/" }
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate } from '../../src/index';
import { ConsentGateConfigError } from '../../src/errors';
import { chatOptionSpecs, chatOptionsOf } from '../../src/contract/chat-options';
import { lifetimeText, promptTexts } from '../../src/chat/prompt';
import { resolveConfig } from '../../src/config';
import { catalog } from '../../vendors/index';
import hubspot from '../../vendors/hubspot-conversations';
import type { Vendor, VendorContext, VendorListener } from '../../src/types';

const gates: { destroy(): void }[] = [];
afterEach(() => {
  for (const g of gates.splice(0)) g.destroy();
  document.body.innerHTML = '';
  for (const c of document.cookie.split(/;\s*/).filter(Boolean)) document.cookie = `${c.split('=')[0]}=; path=/; max-age=0`;
  for (const key of [
    'hsConversationsSettings',
    'hsConversationsOnReady',
    'HubSpotConversations',
    '_hsp',
    '_hsq',
    'disableHubSpotCookieBanner',
  ])
    delete (window as any)[key];
});

/** A made-up chat vendor: proves the chat machinery works from data + adapter alone. */
function acme(overrides: Partial<Vendor['adapter']> = {}) {
  const listeners = new Map<string, Set<VendorListener>>();
  const calls: string[] = [];
  let loaded = false;
  const vendor: Vendor = {
    id: 'acme-chat',
    title: 'Acme Chat',
    provider: 'Acme Ltd',
    privacyPolicyUrl: 'https://acme.example/privacy',
    purpose: 'functional',
    summary: 'Live chat.',
    hosts: [{ host: 'widget.acme.example', purpose: 'functional', description: 'widget', source: 'test' }],
    cookies: [
      { name: 'acme_id', purpose: 'functional', lifetime: 86400 * 30, description: 'id', source: 'test' },
      { name: 'acme_track', purpose: 'analytics', lifetime: 1800, description: 'tracking', source: 'test' },
    ],
    storage: [
      { key: 'acme.', match: 'prefix', storage: 'local', purpose: 'functional', lifetime: 0, description: 'state', source: 'test' },
    ],
    options: { ...chatOptionSpecs },
    adapter: {
      prepare: () => void calls.push('prepare'),
      load: async () => void calls.push('load'),
      open: async () => {
        calls.push('open');
        loaded = true;
        document.cookie = 'acme_id=1; path=/';
        localStorage.setItem('acme.state', 'x');
        for (const fn of listeners.get('ready') ?? []) fn({ ok: true });
      },
      status: () => ({ loaded }),
      on: (_ctx: VendorContext, event: string, fn: VendorListener) =>
        void (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(fn),
      off: (_ctx: VendorContext, event: string, fn: VendorListener) => void listeners.get(event)?.delete(fn),
      revoke: (_ctx: VendorContext, purposes) => void calls.push(`revoke:${purposes.join(',')}`),
      ...overrides,
    },
  };
  return { vendor, calls, listeners };
}

/** A button of the chat UI once it shows (the prompt comes with the chat's lazy part). */
function button(text: string): Promise<HTMLButtonElement> {
  return vi.waitFor(
    () => {
      const found = [...document.querySelectorAll('button')].find((b) => b.textContent === text);
      if (!found) throw new Error(`no "${text}" button yet`);
      return found;
    },
    { timeout: 4000 },
  );
}

function gateWith(vendor: Vendor, options: Record<string, unknown> = {}) {
  const gate = createConsentGate({ vendors: { [vendor.id]: options } } as any, { catalog: [vendor], autoShow: false }) as any;
  gates.push(gate);
  return gate;
}

describe('house rule: the core never names a vendor', () => {
  it('src/chat and src/cleanup contain no vendor name', () => {
    const root = join(__dirname, '../../src');
    const files = ['chat', 'cleanup'].flatMap((dir) => readdirSync(join(root, dir)).map((f) => join(root, dir, f)));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/hubspot|hsConversations|usemessages|intercom|crisp|web1on1/i);
  });
});

describe('chat texts and options', () => {
  it('says lifetimes in words', () => {
    expect(lifetimeText(0)).toBe('until you close the browser');
    expect(lifetimeText(1800)).toBe('30 minutes');
    expect(lifetimeText(86400)).toBe('1 day');
    expect(lifetimeText(6 * 2629800)).toBe('6 months');
  });

  it('builds the prompt from catalog data: vendor, provider, cookies of the needed purpose only', () => {
    const t = promptTexts(hubspot);
    expect(t.title).toBe('Start a chat with HubSpot Conversations?');
    expect(t.body).toContain('HubSpot, Inc.');
    expect(t.cookies).toEqual(['messagesUtk (6 months)', 'hs-messages-is-open (30 minutes)', 'hs-messages-hide-welcome-message (1 day)']);
  });

  it('applies defaults and rejects bad chat options with a typed error naming the field', () => {
    expect(chatOptionsOf({})).toMatchObject({ loadOn: 'click', consentOnClick: 'prompt', timeout: 15000, position: 'bottom-right' });
    const bad = (options: Record<string, unknown>) => () =>
      resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '1', ...options } } }, catalog);
    expect(bad({ consentOnClick: 'always' })).toThrow(ConsentGateConfigError);
    expect(bad({ consentOnClick: 'always' })).toThrow(
      /vendors\.hubspot-conversations\.consentOnClick is "always"; expected one of "prompt", "click"/,
    );
    expect(bad({ region: 'us' })).toThrow(/vendors\.hubspot-conversations\.region/);
    expect(bad({ hostBase: 'js.example' })).toThrow(/hostBase/);
    expect(bad({ fallbackUrl: 'javascript:alert(1)' })).toThrow(/fallbackUrl/);
  });
});

describe('the generic chat runtime (a made-up vendor, no HubSpot)', () => {
  it('renders a launcher; a click without consent prompts; "Allow" records a prompt decision, loads, opens and fires subscriptions made before load', async () => {
    const { vendor, calls } = acme();
    const gate = gateWith(vendor);
    const seen: unknown[] = [];
    gate.chat('acme-chat').on('ready', (p: unknown) => seen.push(p));
    const changes: string[] = [];
    gate.on('change', (e: any) => changes.push(e.source));
    const launcher = document.querySelector<HTMLButtonElement>('button.cg-chat-launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Chat with us');
    launcher.click();
    expect(calls).toEqual([]);
    // the prompt comes with the chat's lazy part
    const allow = await button('Allow and start chat');
    allow.click();
    await vi.waitFor(() => expect(gate.chat('acme-chat').status()).toMatchObject({ state: 'ready', loaded: true }));
    expect(calls).toEqual(['prepare', 'load', 'open']);
    expect(changes).toEqual(['prompt']);
    expect(seen).toEqual([{ ok: true }]);
    expect(launcher.hidden).toBe(true);
  });

  it('"Not now" loads nothing and returns to idle', async () => {
    const { vendor, calls } = acme();
    const gate = gateWith(vendor);
    const pending = gate.openChat();
    (await button('Not now')).click();
    expect(await pending).toBe(false);
    expect(calls).toEqual([]);
    expect(gate.chat().status().state).toBe('idle');
    expect(document.querySelector('[data-consent-gate-prompt]')).toBeNull();
  });

  it('times out into the failed state, cleans up, and retries', async () => {
    let hang = true;
    const { vendor, calls } = acme({ load: () => (hang ? new Promise(() => undefined) : Promise.resolve()) });
    const gate = gateWith(vendor, { timeout: 50, consentOnClick: 'click' });
    expect(await gate.openChat()).toBe(false);
    expect(gate.chat().status()).toMatchObject({ state: 'failed', reason: 'timeout' });
    expect(document.querySelector('[data-consent-gate-failure="timeout"]')).not.toBeNull();
    hang = false;
    (document.querySelector('.cg-chat-retry') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(gate.chat().status().state).toBe('ready'));
    expect(calls.filter((c) => c === 'open')).toHaveLength(1);
  });

  it('revocation runs the adapter, detaches listeners, sweeps the catalog cookies and storage of the revoked purpose, and restores the facade', async () => {
    const { vendor, calls, listeners } = acme();
    const gate = gateWith(vendor, { consentOnClick: 'click' });
    gate.chat().on('ready', () => undefined);
    await gate.openChat();
    document.cookie = 'acme_track=1; path=/';
    expect(document.cookie).toContain('acme_id=1');
    expect(listeners.get('ready')!.size).toBe(1);
    gate.revoke('functional');
    await vi.waitFor(() => expect(calls).toContain('revoke:functional'));
    await vi.waitFor(() => expect(document.cookie).not.toContain('acme_id'));
    expect(document.cookie).toContain('acme_track=1');
    expect(localStorage.getItem('acme.state')).toBeNull();
    expect(listeners.get('ready')!.size).toBe(0);
    expect(gate.chat().status().state).toBe('idle');
    expect((document.querySelector('button.cg-chat-launcher') as HTMLButtonElement).hidden).toBe(false);
  });

  it('chat() with an unknown id throws a typed error naming the argument', () => {
    const { vendor } = acme();
    const gate = gateWith(vendor);
    expect(() => gate.chat('nope')).toThrow(ConsentGateConfigError);
  });
});

describe('HubSpot adapter logic (no scripts run here)', () => {
  function ctx(options: Record<string, unknown> = {}, allowed: string[] = ['functional']): VendorContext<any> {
    return {
      vendor: hubspot,
      options: { portalId: '42', ...options },
      window: window as any,
      document,
      allows: (p) => p === 'necessary' || allowed.includes(p),
      insertScript: () => Promise.reject(new Error('not here')),
      deleteCookies: () => undefined,
      removeStorage: () => undefined,
    };
  }

  it("merges the site's settings with loadImmediately: false and pushes onto the site's hsConversationsOnReady", () => {
    const site = () => undefined;
    (window as any).hsConversationsSettings = { disableAttachment: false, loadImmediately: true };
    (window as any).hsConversationsOnReady = [site];
    hubspot.adapter.prepare!(ctx({ disableAttachment: true, avoidInlineStyles: true, settings: { custom: 1 } }));
    expect((window as any).hsConversationsSettings).toEqual({
      disableAttachment: false,
      avoidInlineStyles: true,
      custom: 1,
      loadImmediately: false,
    });
    expect((window as any).hsConversationsOnReady).toHaveLength(2);
    expect((window as any).hsConversationsOnReady[0]).toBe(site);
    expect((window as any).disableHubSpotCookieBanner).toBe(true);
  });

  it('resumes only with an open chat cookie; preconnects to the loader the purposes imply; eu1 hosts', () => {
    expect(hubspot.adapter.resume!(ctx())).toBe(false);
    document.cookie = 'hs-messages-is-open=false; path=/';
    expect(hubspot.adapter.resume!(ctx())).toBe(false);
    document.cookie = 'hs-messages-is-open=true; path=/';
    expect(hubspot.adapter.resume!(ctx())).toBe(true);
    expect(hubspot.adapter.preconnect!(ctx())).toEqual([
      'https://js.usemessages.com',
      'https://app.hubspot.com',
      'https://api.hubspot.com',
    ]);
    expect(hubspot.adapter.preconnect!(ctx({}, ['functional', 'analytics']))[0]).toBe('https://js.hs-scripts.com');
    expect(hubspot.adapter.preconnect!(ctx({ region: 'eu1' }))).toEqual([
      'https://js-eu1.usemessages.com',
      'https://app-eu1.hubspot.com',
      'https://api-eu1.hubspot.com',
    ]);
  });

  it('analytics revocation pushes revokeCookieConsent and doNotTrack and deletes the analytics cookies', () => {
    const deleted: string[] = [];
    const c = { ...ctx(), deleteCookies: (names: readonly string[]) => void deleted.push(...names) };
    hubspot.adapter.revoke!(c, ['analytics']);
    expect((window as any)._hsp).toEqual([['revokeCookieConsent']]);
    expect((window as any)._hsq).toEqual([['doNotTrack']]);
    expect(deleted).toEqual(['__hstc', 'hubspotutk', '__hssc', '__hssrc']);
  });
});

describe('prompt promises', () => {
  it('a second open() while the prompt shows answers the first with false; close() answers the open prompt with false', async () => {
    const { vendor, calls } = acme();
    const gate = gateWith(vendor);
    const first = gate.openChat();
    const second = gate.chat().open();
    expect(await first).toBe(false);
    expect(document.querySelectorAll('[data-consent-gate-prompt]')).toHaveLength(1);
    gate.chat().close();
    expect(await second).toBe(false);
    expect(document.querySelector('[data-consent-gate-prompt]')).toBeNull();
    expect(gate.chat().status().state).toBe('idle');
    expect(calls).toEqual([]);
  });
});
