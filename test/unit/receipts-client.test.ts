// @vitest-environment-options { "url": "https://www.shop.test/pricing?utm=x" }
import { afterEach, describe, expect, it, vi } from 'vitest';
import { causeOf, configHash, createSender, makeReceipt, MAX_PENDING } from '../../src/receipts/client';
import { validateReceipt } from '../../src/receipts/schema';
import { resolveConfig } from '../../src/config';
import { catalog } from '../../vendors/index';
import type { ChangeEvent, Decisions } from '../../src/types';

const config = resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '1' } }, policyVersion: '2026-11', lang: 'de' }, catalog);
const decided = (purposes: Partial<Decisions['purposes']>, extra: Partial<Decisions> = {}): Decisions => ({
  decided: true,
  purposes: { necessary: true, functional: false, analytics: false, marketing: false, ...purposes },
  overrides: {},
  vendors: { 'hubspot-conversations': purposes.functional === true },
  decidedAt: Date.now(),
  id: 'abcdefghijklmnopqrstuv',
  policyVersion: '2026-11',
  ...extra,
});
const change = (source: ChangeEvent['source'], d: Decisions, granted: string[] = [], revoked: string[] = []): ChangeEvent => ({
  source,
  decisions: d,
  granted,
  revoked,
});
const offered = ['functional', 'analytics', 'marketing'];

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('consent receipts in the page', () => {
  it('name the action and source of each kind of decision', () => {
    expect(causeOf(change('banner', decided({ functional: true, analytics: true, marketing: true })), offered)).toEqual({
      action: 'accept-all',
      source: 'banner',
    });
    expect(causeOf(change('banner', decided({})), offered)).toEqual({ action: 'reject-all', source: 'banner' });
    expect(causeOf(change('banner', decided({ functional: true })), offered)).toEqual({ action: 'custom', source: 'banner' });
    expect(causeOf(change('api', decided({ functional: true }), ['functional']), offered)).toEqual({ action: 'grant', source: 'api' });
    expect(causeOf(change('api', decided({}), [], ['functional']), offered)).toEqual({ action: 'withdraw', source: 'api' });
    expect(causeOf(change('prompt', decided({ functional: true }), ['functional']), offered)).toEqual({
      action: 'grant',
      source: 'prompt',
    });
    expect(causeOf(change('placeholder', decided({ functional: true }), ['functional']), offered)).toEqual({
      action: 'grant',
      source: 'placeholder',
    });
    // another tab's decision and a record read are no new decision
    expect(causeOf(change('sync', decided({})), offered)).toBeNull();
    expect(causeOf(change('record', decided({})), offered)).toBeNull();
  });

  it('are valid receipts: no query string, the config hash of the vendor list, the language shown', () => {
    const receipt = makeReceipt(
      config,
      decided({ functional: true, analytics: true }, { gpc: { signal: true, applied: false } }),
      { action: 'custom', source: 'banner' },
      'abcdefghijklmnopqrstuv',
    );
    expect(validateReceipt(receipt)).toEqual({ ok: true, receipt });
    expect(receipt).toMatchObject({
      path: '/pricing',
      language: 'de',
      policyVersion: '2026-11',
      recordId: 'abcdefghijklmnopqrstuv',
      purposes: { functional: true, analytics: true, marketing: false },
      vendors: { 'hubspot-conversations': true },
      gpc: { signal: true, applied: false },
    });
    expect(receipt.configHash).toMatch(/^[0-9a-f]{8}$/);
    // the hash follows the vendor list, not its order or options
    expect(configHash(resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '2' } } }, catalog))).toBe(receipt.configHash);
    expect(configHash(resolveConfig({ vendors: { crisp: { websiteId: '7598bf86-9ebb-46bc-8d61-be8929bbf93d' } } }, catalog))).not.toBe(
      receipt.configHash,
    );
    expect(makeReceipt(config, decided({}), { action: 'grant', source: 'api' }, 'abcdefghijklmnopqrstuv').receiptId).not.toBe(
      receipt.receiptId,
    );
  });

  it('are announced without an endpoint, and nothing is stored', async () => {
    const seen: unknown[] = [];
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const sender = createSender({ storageKey: 'cg_receipts', announce: (r) => seen.push(r.receiptId) });
    const receipt = makeReceipt(config, decided({}), { action: 'reject-all', source: 'banner' }, 'abcdefghijklmnopqrstuv');
    await sender.issue(receipt);
    expect(seen).toEqual([receipt.receiptId]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(localStorage.getItem('cg_receipts')).toBeNull();
  });

  it('wait when the receiver cannot be reached, are sent again in order, and are dropped after retryDays', async () => {
    const posted: string[] = [];
    let up = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        if (!up) throw new TypeError('Failed to fetch');
        posted.push(JSON.parse(init.body as string).receiptId);
        expect(init).toMatchObject({
          method: 'POST',
          keepalive: true,
          credentials: 'omit',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
        });
        return new Response('{}', { status: 201 });
      }),
    );
    const sender = createSender({
      endpoint: 'https://consent.shop.test/receipts',
      retryDays: 2,
      storageKey: 'cg_receipts',
      announce: () => undefined,
    });
    const a = makeReceipt(config, decided({}), { action: 'reject-all', source: 'banner' }, 'abcdefghijklmnopqrstuv');
    const b = makeReceipt(config, decided({ functional: true }), { action: 'grant', source: 'api' }, 'abcdefghijklmnopqrstuv');
    await sender.issue(a);
    await sender.issue(b);
    expect(JSON.parse(localStorage.getItem('cg_receipts')!).map((p: any) => p.receipt.receiptId)).toEqual([a.receiptId, b.receiptId]);
    up = true;
    await sender.flush();
    expect(posted).toEqual([a.receiptId, b.receiptId]);
    expect(localStorage.getItem('cg_receipts')).toBeNull();
    // one older than retryDays is not sent again
    up = false;
    const c = makeReceipt(config, decided({}), { action: 'withdraw', source: 'api' }, 'abcdefghijklmnopqrstuv');
    await sender.issue(c);
    const stored = JSON.parse(localStorage.getItem('cg_receipts')!);
    stored[0].at -= 3 * 86_400_000;
    localStorage.setItem('cg_receipts', JSON.stringify(stored));
    up = true;
    await sender.flush();
    expect(posted).toEqual([a.receiptId, b.receiptId]);
    expect(localStorage.getItem('cg_receipts')).toBeNull();
  });

  it('a receiver that refuses keeps them waiting; no more than MAX_PENDING wait; a broken store is left alone', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"error":"busy"}', { status: 503 })),
    );
    const sender = createSender({ endpoint: '/receipts', storageKey: 'cg_receipts', announce: () => undefined });
    for (let i = 0; i < MAX_PENDING + 5; i++)
      await sender.issue(makeReceipt(config, decided({}), { action: 'grant', source: 'api' }, 'abcdefghijklmnopqrstuv'));
    expect(JSON.parse(localStorage.getItem('cg_receipts')!)).toHaveLength(MAX_PENDING);
    localStorage.setItem('cg_receipts', '{not json');
    await expect(sender.flush()).resolves.toBeUndefined();
  });
});
