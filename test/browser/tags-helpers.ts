/**
 * Shared pieces of the tag browser tests (tags-*.test.ts): a shop page with
 * the drop-in (config, the head guard, the runtime) and a vendor's snippet
 * pasted as the vendor documents it, the vendor's hosts served by its
 * emulator, and probes for what the browser stored.
 */
import type { Page } from 'playwright-core';
import { dropInHead, html, openSite, type HostHandler, type LaunchedBrowser, type Site } from './harness';

/** The vendors' documented snippets, with test ids (tag-facts §1–§8; HubSpot: vendor-facts). */
export const IDS = {
  ga: 'G-ABC123DEF4',
  ads: 'AW-123456789',
  gtm: 'GTM-ABC1234',
  hubspot: '1234567',
  meta: '123456789012345',
  linkedin: '123456',
  uet: '12345678',
  clarity: 'abcde12345',
  hotjar: '1234567',
} as const;

export const SNIPPETS = {
  /** Google's gtag.js snippet [G1], for GA4 (and with an AW- id, Google Ads [G10]). */
  gtag: (id: string, extra = '') =>
    `<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){window.dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${id}');${extra}</script>`,
  /** The same, in consent-gate's markup form (the browser never fetches data-src). */
  gtagMarkup: (vendor: string, id: string) =>
    `<script type="text/plain" data-consent-gate="${vendor}" data-src="https://www.googletagmanager.com/gtag/js?id=${id}" async></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){window.dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${id}');</script>`,
  /** Google Tag Manager's head snippet [G4]. */
  gtmHead: (id: string) =>
    `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start': new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0], j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src= 'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f); })(window,document,'script','dataLayer','${id}');</script>`,
  /** Google Tag Manager's body snippet, "immediately after the opening <body> tag" [SNIP]. */
  gtmBody: (id: string) =>
    `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=${id}" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>`,
  /** HubSpot's tracking code (vendor-facts: the official snippet, id hs-script-loader). */
  hubspot: (portal: string) =>
    `<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/${portal}.js"></script>`,
  /** Meta's base code with the noscript pixel [M1]. */
  meta: (pixel: string, extra = '') =>
    `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod? n.callMethod.apply(n,arguments):n.queue.push(arguments)}; if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0'; n.queue=[];t=b.createElement(e);t.async=!0; t.src=v;s=b.getElementsByTagName(e)[0]; s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js'); fbq('init','${pixel}'); fbq('track','PageView');${extra}</script>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=${pixel}&ev=PageView&noscript=1"/></noscript>`,
  /** LinkedIn's Insight Tag with the noscript pixel [L2]. */
  linkedin: (partner: string, extra = '') =>
    `<script type="text/javascript">_linkedin_partner_id = "${partner}"; window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || []; window._linkedin_data_partner_ids.push(_linkedin_partner_id);</script><script type="text/javascript">(function(l) { if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])}; window.lintrk.q=[]} var s = document.getElementsByTagName("script")[0]; var b = document.createElement("script"); b.type = "text/javascript";b.async = true; b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js"; s.parentNode.insertBefore(b, s);})(window.lintrk);${extra}</script>
<noscript><img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=${partner}&fmt=gif" /></noscript>`,
  /** Microsoft's UET snippet [SNIP]. */
  uet: (tag: string, extra = '') =>
    `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"${tag}"};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");${extra}</script>`,
  /** Clarity's snippet [SNIP]. */
  clarity: (project: string, extra = '') =>
    `<script type="text/javascript">(function(c,l,a,r,i,t,y){ c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)}; t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i; y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y); })(window, document, "clarity", "script", "${project}");${extra}</script>`,
  /** Hotjar's snippet [C15] (https, sv=6). */
  hotjar: (site: string, extra = '') =>
    `<script>(function(h,o,t,j,a,r){ h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)}; h._hjSettings={hjid:${site},hjsv:6}; a=o.getElementsByTagName('head')[0]; r=o.createElement('script');r.async=1; r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv; a.appendChild(r); })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');${extra}</script>`,
};

export interface TagPage {
  /** `window.consentGateConfig`. */
  config: unknown;
  /** The vendor's snippet and anything else for <head>, after the guard. */
  head?: string;
  /** Markup right after <body>. */
  body?: string;
  hosts: Record<string, HostHandler>;
  /** Paths the same page is served at (a second tab opens another). Default ['/']. */
  paths?: string[];
}

/** The shop page: config, head guard, the vendor's snippet, the runtime. */
function tagPage(p: TagPage): string {
  return html(`${p.body ?? ''}<header><h1>Shop</h1></header><main><p>Products.</p></main>`, dropInHead(p.config, p.head ?? ''));
}

/** Open the shop at `path` (default the first path) and wait for the runtime. */
export async function openTagSite(browser: LaunchedBrowser, p: TagPage, path?: string): Promise<Site> {
  const paths = p.paths ?? ['/'];
  const page = tagPage(p);
  const site = await openSite(browser, { pages: Object.fromEntries(paths.map((x) => [x, page])), hosts: p.hosts });
  await site.page.goto(site.url(path ?? paths[0]));
  await ready(site.page);
  return site;
}

/** The drop-in has replaced its pre-load queue with the running gate. */
export const ready = (page: Page) =>
  page.waitForFunction(() => typeof window.consentGate?.decisions === 'function', undefined, { timeout: 10_000 });

/** Requests to hosts matching `host`, as `host/path?query`. */
export const requestsTo = (site: Site, host: RegExp) =>
  site.requests.filter((r) => host.test(r.host)).map((r) => r.url.replace(/^https?:\/\//, ''));

/** Every copy of the cookies whose names match, as `name@domain/path`, sorted. */
export async function cookieCopies(site: Site, name: RegExp): Promise<string[]> {
  return (await site.context.cookies())
    .filter((c) => name.test(c.name))
    .map((c) => `${c.name}@${c.domain}${c.path}`)
    .sort();
}

/** Seconds from now until a cookie expires (-1: a session cookie, undefined: no such cookie). */
export async function secondsLeft(site: Site, name: string): Promise<number | undefined> {
  const c = (await site.context.cookies()).find((x) => x.name === name);
  if (!c) return undefined;
  return c.expires === -1 ? -1 : Math.round(c.expires - Date.now() / 1000);
}

/** Web Storage keys of the page matching `key`, as `local:key` / `session:key`, sorted. */
export async function storageKeys(page: Page, key: RegExp): Promise<string[]> {
  const all = await page.evaluate(() => {
    const out: string[] = [];
    for (const [name, store] of [
      ['local', localStorage],
      ['session', sessionStorage],
    ] as const)
      for (let i = 0; i < store.length; i++) out.push(`${name}:${store.key(i)}`);
    return out;
  });
  return all.filter((k) => key.test(k.replace(/^[a-z]+:/, ''))).sort();
}

/** What the head guard held back for a vendor (kind and target). */
export async function heldFor(page: Page, vendor: string): Promise<{ kind: string; target: string; purpose: string }[]> {
  const all = await page.evaluate(
    () => window.consentGate.blocked() as { kind: string; target: string; vendor: string; purpose: string }[],
  );
  return all.filter((b) => b.vendor === vendor).map(({ kind, target, purpose }) => ({ kind, target, purpose }));
}

export const grant = (page: Page, ...ids: string[]) => page.evaluate((list) => window.consentGate.grant(...list), ids);
export const revoke = (page: Page, ...ids: string[]) => page.evaluate((list) => window.consentGate.revoke(...list), ids);

/** A page global (an emulator's log), read as JSON. */
export const pageValue = <T = any>(page: Page, name: string): Promise<T> =>
  page.evaluate((n) => JSON.parse(JSON.stringify((window as any)[n] ?? null)), name);
