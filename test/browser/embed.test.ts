/**
 * Embeds in Chromium, per vendor (YouTube, Vimeo, Google Maps), with the
 * head guard and the drop-in, each vendor's emulator under its real host
 * names: placeholders before any click (nothing asked of the vendor, no
 * cookie), "Always allow" (this page's embeds load once each, the next
 * page's without a placeholder), withdrawal in this tab and another, and
 * embeds a script inserts later. "Load" (a one-time pass through the head
 * guard) is in embed-load.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { youtubeEmulator } from '../../emulators/youtube/index.mjs';
import {
  OBSERVE,
  CASES,
  settle,
  loads,
  loadsOf,
  openBlog,
  placeholderOf,
  placeholders,
  ready,
  vendorCookies,
  vendorFrames,
  vendorRequests,
} from './embed-pages';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

describe.each(CASES)('$vendor.title embeds (head guard + drop-in, Chromium, emulator under the vendor host names)', (c) => {
  const title = c.vendor.title;

  it('before any click: a placeholder per embed (markup form, pasted frame, box) naming the provider and its privacy policy; zero requests to any of the vendor hosts, images included; no vendor cookie', async () => {
    const site = await openBlog(browser, c);
    const page = site.page;
    await placeholders(page, 3);
    await settle(page);
    expect(vendorRequests(site, c)).toEqual([]);
    expect(await vendorCookies(site, c)).toEqual([]);
    expect(vendorFrames(page, c)).toEqual([]);

    const first = placeholderOf(page, 'markup');
    expect(await first.getAttribute('data-consent-gate-placeholder')).toBe(c.vendor.id);
    // a group named by the embed's own title; the vendor's summary says what it is and keeps
    await page.getByRole('group', { name: /^Our / }).waitFor();
    expect(await first.innerText()).toContain(c.vendor.summary);
    expect(await first.getByRole('link', { name: `${c.vendor.provider} privacy policy` }).getAttribute('href')).toBe(
      c.vendor.privacyPolicyUrl,
    );
    await first.getByRole('button', { name: c.media === 'map' ? 'Load map' : 'Load video' }).waitFor();
    await first.getByRole('button', { name: `Always allow ${title}` }).waitFor();
    // the site's own poster, not the vendor's thumbnail; the box without a title is named by its data-title
    expect(await first.locator('img.cg-embed-poster').getAttribute('src')).toBe(site.url('/poster.png'));
    expect(site.requests.some((r) => r.path === '/poster.png')).toBe(true);
    await page.getByRole('group', { name: c.media === 'map' ? 'Box map' : 'Box video' }).waitFor();

    // the frames wait in the markup form: no src, the URL as the site wrote it in data-src, hidden behind their placeholder
    for (const id of ['markup', 'pasted']) {
      const frame = page.locator(`#${id}`);
      expect(await frame.getAttribute('src')).toBeNull();
      expect(await frame.getAttribute('data-consent-gate')).toBe(c.vendor.id);
      expect(await frame.isVisible()).toBe(false);
    }
    // the guard reports what it held (the pasted frame), naming the vendor
    const held = await page.evaluate(() => window.consentGate.blocked() as { vendor: string }[]);
    expect(held.some((b) => b.vendor === c.vendor.id)).toBe(true);
    // placeholders keep the frames' sizes
    const box = await placeholderOf(page, 'markup').boundingBox();
    const [w, h] = [
      Number(await page.locator('#markup').getAttribute('width')),
      Number(await page.locator('#markup').getAttribute('height')),
    ];
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([w + 4, h + 4]);
    await site.close();
  });

  it('"Always allow" (by keyboard): the purpose is recorded with source "placeholder"; each embed of the page loads once (the chosen one starting at once); the next page loads them without a placeholder', async () => {
    const site = await openBlog(browser, c);
    const page = site.page;
    await placeholders(page, 3);
    await page.evaluate(() => {
      (window as any).__sources = [];
      window.consentGate.on('change', (e: { source: string }) => (window as any).__sources.push(e.source));
    });
    await placeholderOf(page, 'markup')
      .getByRole('button', { name: `Always allow ${title}` })
      .focus();
    await page.keyboard.press('Enter');
    await loads(page, 3);
    await settle(page);
    await placeholders(page, 0);
    expect(await page.evaluate(() => (window as any).__sources)).toEqual(['placeholder']);
    expect(await page.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(true);
    const first = await loadsOf(page);
    expect(first.length).toBe(3);
    expect(new Set(first.map((l) => l.url)).size).toBe(3);
    for (const l of first) expect(l.url).toMatch(c.frameUrl);
    // the visitor chose the first embed: it starts at once where the vendor allows; the others wait
    const chosen = first.find((l) => l.id === c.markupId);
    expect(chosen?.autoplay).toBe(c.media === 'video');
    expect(first.filter((l) => l.autoplay).length).toBe(c.media === 'video' ? 1 : 0);
    // the frame documents were asked for once each
    expect(site.requests.filter((r) => r.resourceType === 'document' && c.hosts.test(r.host)).length).toBe(3);
    // focus went on into the chosen embed's frame
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('markup');
    // the pasted frame was loaded in the vendor's privacy form (YouTube: never www.youtube.com; Vimeo: dnt=1)
    expect(await page.locator('#pasted').getAttribute('src')).toMatch(c.frameUrl);
    if (c.vendor.id !== 'google-maps') expect(await vendorCookies(site, c)).toEqual([]);
    else expect(await vendorCookies(site, c)).toEqual(['NID@.google.com']);

    await page.goto(site.url('/blog/next/'));
    await ready(page);
    await loads(page, 3);
    await settle(page);
    expect(await page.evaluate(() => (window as any).__shown)).toBe(0);
    const next = await loadsOf(page);
    expect(next.length).toBe(3);
    expect(next.every((l) => !l.autoplay)).toBe(true);
    await site.close();
  });

  it("withdrawal, in this tab and in another: the vendor's frames unload and turn back into placeholders, nothing more is asked of the vendor; no vendor cookie on the site, and any left on the vendor's own domain is one the declaration names (no page can delete it)", async () => {
    const site = await openBlog(browser, c);
    const page = site.page;
    await placeholders(page, 3);
    await placeholderOf(page, 'pasted')
      .getByRole('button', { name: `Always allow ${title}` })
      .click();
    await loads(page, 3);
    const other = await site.newPage();
    await other.goto(site.url('/blog/next/'));
    await ready(other);
    await other.evaluate(() => undefined);
    await loads(other, 3);
    await settle(page);
    await settle(other);
    expect(vendorFrames(page, c).length).toBe(3);

    await page.evaluate(() => window.consentGate.revoke('functional'));
    await placeholders(page, 3);
    // the other tab follows (BroadcastChannel, or the cookie poll)
    await placeholders(other, 3);
    const seen = vendorRequests(site, c).length;
    for (const p of [page, other]) {
      await p.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => !f.hasAttribute('src')), undefined, {
        timeout: 10_000,
      });
      expect(vendorFrames(p, c)).toEqual([]);
      expect(await p.locator('#markup').getAttribute('data-consent-gate')).toBe(c.vendor.id);
    }
    await page.waitForTimeout(600);
    expect(vendorRequests(site, c).length).toBe(seen);
    const site_ = new URL(site.origin).hostname;
    const cookies = await site.context.cookies();
    expect(cookies.filter((k) => site_.endsWith(k.domain.replace(/^\./, '')) && k.name !== 'consent_gate').map((k) => k.name)).toEqual([]);
    const declared = (c.vendor.thirdParty ?? []).filter((t) => t.type === 'cookie').map((t) => t.name);
    for (const k of await vendorCookies(site, c)) expect(declared).toContain(k.split('@')[0]);

    // allowed again: they load again, once each
    await page.evaluate(() => (window as any).__loads.splice(0));
    await page.evaluate(() => window.consentGate.grant('functional'));
    await loads(page, 3);
    await placeholders(page, 0);
    await site.close();
  });

  it('an embed a script inserts after load gets a placeholder too (markup, innerHTML, a frame made by createElement), and nothing is asked of the vendor', async () => {
    const site = await openBlog(browser, c);
    const page = site.page;
    await placeholders(page, 3);
    await page.evaluate((url) => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', `<iframe id="late-html" src="${url}" width="320" height="180" title="Late one"></iframe>`);
      const frame = document.createElement('iframe');
      frame.id = 'late-dom';
      frame.width = '320';
      frame.height = '180';
      frame.src = url + (url.includes('?') ? '&' : '?') + 'x=1';
      main.appendChild(frame);
      const box = document.createElement('div');
      box.setAttribute('data-consent-gate-embed', '');
      box.setAttribute('data-src', url);
      box.style.cssText = 'width:320px;height:180px';
      main.appendChild(box);
    }, c.another);
    await placeholders(page, 6);
    await settle(page);
    expect(vendorRequests(site, c)).toEqual([]);
    expect(await vendorCookies(site, c)).toEqual([]);
    expect(await page.locator('#late-dom').getAttribute('src')).toBeNull();
    await site.close();
  });
});

describe('limit: a frame written with its src in the HTML', () => {
  it("is requested by the browser as the parser inserts it, before any script can act, and the answer may set the vendor's cookies (docs/embeds.md, limits: use the markup form); the guard takes its URL at once, so the vendor page never runs, and the placeholder takes its place", async () => {
    const c = CASES[0]!;
    const written =
      '<iframe id="written" src="https://www.youtube.com/embed/aqz-KE-bpKQ" width="560" height="315" title="Written in the HTML"></iframe>';
    const site = await openSite(browser, {
      pages: { '/': html(`<main>${written}<p>After.</p></main>${OBSERVE}`, dropInHead({ vendors: { youtube: true } })) },
      hosts: youtubeEmulator().handlers as never,
    });
    const page = site.page;
    await page.goto(site.url('/'));
    await ready(page);
    await placeholders(page, 1);
    await settle(page);
    // the one request the parser made; nothing after it (no thumbnail, no player), and the vendor's page never ran
    expect(vendorRequests(site, c)).toEqual(['document https://www.youtube.com/embed/aqz-KE-bpKQ']);
    expect(vendorFrames(page, c)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__loads.length)).toBe(0);
    // whether the answer to that request arrives before the guard cancels the frame is a race: when it does, YouTube's
    // standard player sets its cookies with it (seen in some runs); nothing else of YouTube's is ever set
    for (const k of await vendorCookies(site, c)) expect(['VISITOR_INFO1_LIVE@.youtube.com', 'YSC@.youtube.com']).toContain(k);
    expect(await page.locator('#written').getAttribute('data-src')).toBe('https://www.youtube.com/embed/aqz-KE-bpKQ');
    await site.close();
  });
});
