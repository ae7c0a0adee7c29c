/**
 * The markup form for every element kind (issue 11 part 2), in Chromium:
 * `<script type="text/plain" data-consent-gate="<id>" data-src>` and inline
 * scripts, `<iframe>`, `<img>` (`data-src`, `data-srcset`), `<link>`
 * (`data-href`), `<video>`/`<audio>` and their `<source>` (`data-src`,
 * `data-poster`), `<embed>`, `<object>` (`data-data`): nothing is requested
 * before the vendor's main purpose is granted, each is requested once after,
 * scripts run in the order the page attempted them, and a page that still has
 * the markup form after withdrawal keeps it held on the next page. And the
 * bridge's one-time pass, `__consentGateGuard.release(element)`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { builtGuard, guardHead, ownFiles, ran, scriptBody, settle, vendorHandler, vendorHosts, vendorRequests } from './guard-helpers';

let browser: LaunchedBrowser;
let guard: Awaited<ReturnType<typeof builtGuard>>;
beforeAll(async () => {
  [browser, guard] = await Promise.all([launchBrowser(), builtGuard()]);
});
afterAll(async () => {
  await browser?.closeAll();
});

const V = 'hubspot-conversations';
/** HubSpot's functional hosts (its main purpose): granting functional releases the form and lets its URLs through. */
const APP = 'https://app.hubspot.com';
const JS = 'https://js.usemessages.com';

/** Every element kind in the markup form, as a page writes it. */
const MARKUP = `
<script type="text/plain" data-consent-gate="${V}" data-src="${JS}/first.js" id="s1"></script>
<script type="text/plain" data-consent-gate="${V}" id="s2">(window.ran = window.ran || []).push('inline');</script>
<iframe data-consent-gate="${V}" data-src="${APP}/frame.html" id="frame" title="chat"></iframe>
<img data-consent-gate="${V}" data-src="${APP}/img.gif" alt="" id="img">
<img data-consent-gate="${V}" data-srcset="${APP}/set.gif 1x, ${APP}/set2.gif 2x" alt="" id="srcset">
<link rel="stylesheet" data-consent-gate="${V}" data-href="${APP}/style.css" id="link">
<video data-consent-gate="${V}" data-src="${APP}/video.mp4" data-poster="${APP}/poster.gif" id="video"></video>
<video id="sourced"><source data-consent-gate="${V}" data-src="${APP}/source.mp4" type="video/mp4" id="source"></video>
<audio data-consent-gate="${V}" data-src="${APP}/audio.mp3" id="audio"></audio>
<embed data-consent-gate="${V}" data-src="${APP}/embed.html" type="text/html" id="embed">
<object data-consent-gate="${V}" data-data="${APP}/object.html" type="text/html" id="object"></object>
<script type="text/plain" data-consent-gate="${V}" data-src="${JS}/last.js" id="s3"></script>
<img data-consent-gate="no-such-vendor" data-src="${APP}/unknown.gif" alt="" id="unknown">`;

/** What the markup form fetches once released, each once. */
const FETCHED = [
  'first.js',
  'frame.html',
  'img.gif',
  'set.gif',
  'style.css',
  'video.mp4',
  'poster.gif',
  'source.mp4',
  'audio.mp3',
  'embed.html',
  'object.html',
  'last.js',
];

async function open(body: string, record?: string): Promise<Site> {
  const site = await openSite(browser, { pages: { '/': html(body, guardHead()), '/guard.js': guard, ...ownFiles }, hosts: vendorHosts() });
  if (record) await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(record), url: site.url('/') }]);
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  await settle(site);
  return site;
}

const record = (functional: boolean) =>
  encodeRecord({ v: 1, p: '1', d: { functional, analytics: false, marketing: false }, o: {}, t: Date.now(), id: 'abcdefghijklmnopqrstuv' });
const names = (site: Site) => vendorRequests(site).map((r) => r.path.slice(1));
const grantFunctional = (site: Site) =>
  site.page.evaluate(() => (window as any).__consentGateGuard.update((_v: string, p: string) => p === 'functional'));

describe('guard: the markup form of every element kind (Chromium)', () => {
  it('nothing is requested before the main purpose is granted; after, each element fetches once, scripts in order; an unknown vendor never', async () => {
    const site = await open(MARKUP);
    expect(names(site)).toEqual([]);
    expect(await ran(site)).toEqual([]);
    // another purpose releases nothing
    await site.page.evaluate(() => (window as any).__consentGateGuard.update((_v: string, p: string) => p === 'marketing'));
    await settle(site);
    expect(names(site)).toEqual([]);
    await grantFunctional(site);
    await expect.poll(() => ran(site)).toEqual(['js.usemessages.com/first.js', 'inline', 'js.usemessages.com/last.js']);
    await expect.poll(() => FETCHED.filter((n) => !names(site).includes(n)), { timeout: 15_000 }).toEqual([]);
    await settle(site, 300);
    for (const name of FETCHED)
      expect(
        names(site).filter((n) => n === name),
        name,
      ).toHaveLength(1);
    expect(names(site)).not.toContain('unknown.gif');
    // the URLs are in their attributes now, the data- copies gone; the marks stay
    const attrs = await site.page.evaluate(() => {
      const at = (id: string, name: string) => document.getElementById(id)!.getAttribute(name);
      return [
        at('frame', 'src'),
        at('img', 'src'),
        at('srcset', 'srcset'),
        at('link', 'href'),
        at('video', 'poster'),
        at('source', 'src'),
        at('object', 'data'),
        at('img', 'data-src'),
        at('img', 'data-consent-gate'),
        at('source', 'type'),
      ];
    });
    expect(attrs).toEqual([
      `${APP}/frame.html`,
      `${APP}/img.gif`,
      `${APP}/set.gif 1x, ${APP}/set2.gif 2x`,
      `${APP}/style.css`,
      `${APP}/poster.gif`,
      `${APP}/source.mp4`,
      `${APP}/object.html`,
      null,
      V,
      'video/mp4',
    ]);
    // a second update releases nothing twice
    await grantFunctional(site);
    await settle(site, 300);
    for (const name of FETCHED)
      expect(
        names(site).filter((n) => n === name),
        name,
      ).toHaveLength(1);
    await site.close();
  });

  it('the markup form made by code (createElement, setAttribute, any insertion) is held and released in the order the page attempted', async () => {
    const site = await open('<div id="box"></div>');
    await site.page.evaluate(
      ({ V, JS, APP }) => {
        const box = document.getElementById('box')!;
        const form = (tag: string, attrs: Record<string, string>) => {
          const el = document.createElement(tag);
          el.setAttribute('data-consent-gate', V);
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          return el;
        };
        document.body.appendChild(form('script', { type: 'text/plain', 'data-src': `${JS}/b.js` }));
        document.head.prepend(form('script', { type: 'text/plain', 'data-src': `${JS}/c.js` }));
        box.insertAdjacentHTML('beforeend', `<img data-consent-gate="${V}" data-src="${APP}/made.gif" alt="">`);
        box.append(form('iframe', { 'data-src': `${APP}/made.html` }));
      },
      { V, JS, APP },
    );
    await settle(site);
    expect(names(site)).toEqual([]);
    await grantFunctional(site);
    await expect.poll(() => ran(site)).toEqual(['js.usemessages.com/b.js', 'js.usemessages.com/c.js']);
    await expect.poll(() => names(site).sort()).toEqual(['b.js', 'c.js', 'made.gif', 'made.html']);
    await site.close();
  });

  it('withdrawal: the next page keeps its markup form held (it simply stays markup); with a record that grants, it loads at once', async () => {
    const granted = await open(MARKUP, record(true));
    await expect.poll(() => FETCHED.filter((n) => !names(granted).includes(n)), { timeout: 15_000 }).toEqual([]);
    await granted.close();
    const withdrawn = await open(MARKUP, record(false));
    await settle(withdrawn, 400);
    expect(names(withdrawn)).toEqual([]);
    expect(await ran(withdrawn)).toEqual([]);
    expect(await withdrawn.page.evaluate(() => document.querySelectorAll('[data-consent-gate][data-src]').length)).toBe(9);
    await withdrawn.close();
  });
});

describe('guard: release(element), a one-time pass (Chromium)', () => {
  it("loads one held frame, or one in the markup form, whatever the permission; nothing else, and the page's next attempt is held again", async () => {
    const site = await open(`<iframe data-consent-gate="${V}" data-src="${APP}/embed-once.html" id="form" title="embed"></iframe>
<iframe data-consent-gate="${V}" data-src="${APP}/other-form.html" id="other" title="embed"></iframe>`);
    await site.page.evaluate((APP) => {
      const f = document.createElement('iframe');
      f.id = 'held';
      f.src = `${APP}/held-once.html`;
      document.body.appendChild(f);
    }, APP);
    await settle(site);
    expect(names(site)).toEqual([]);
    await site.page.evaluate(() => {
      const g = (window as any).__consentGateGuard;
      g.release(document.getElementById('form'));
      g.release(document.getElementById('held'));
      // an element that is neither held nor in the markup form is let be
      g.release(document.body);
    });
    await expect.poll(() => names(site).sort()).toEqual(['embed-once.html', 'held-once.html']);
    // the permission is unchanged: the page's next attempt in the same frame is held again
    await site.page.evaluate((APP) => {
      (document.getElementById('held') as HTMLIFrameElement).src = `${APP}/held-again.html`;
      const img = new Image();
      img.src = `${APP}/pixel.gif`;
    }, APP);
    await settle(site, 300);
    expect(names(site).sort()).toEqual(['embed-once.html', 'held-once.html']);
    expect(await site.page.evaluate(() => document.getElementById('held')!.getAttribute('data-cg-src'))).toBe(`${APP}/held-again.html`);
    await site.close();
  });

  it('a released script runs once; what it does is held as before', async () => {
    const site = await openSite(browser, {
      pages: {
        '/': html(`<script type="text/plain" data-consent-gate="${V}" data-src="${JS}/once.js" id="once"></script>`, guardHead()),
        '/guard.js': guard,
        ...ownFiles,
      },
      hosts: {
        ...vendorHosts(),
        'js.usemessages.com': (url) =>
          url.pathname === '/once.js'
            ? {
                body: `${scriptBody('once')} var i = new Image(); i.src = '${APP}/from-once.gif'; document.body.appendChild(i);`,
                contentType: 'text/javascript',
              }
            : vendorHandler(url, null as never),
      },
    });
    await site.page.goto(site.url('/'));
    await settle(site);
    await site.page.evaluate(() => (window as any).__consentGateGuard.release(document.getElementById('once')));
    await expect.poll(() => ran(site)).toEqual(['once']);
    await settle(site, 300);
    expect(names(site)).toEqual(['once.js']);
    await site.close();
  });
});
