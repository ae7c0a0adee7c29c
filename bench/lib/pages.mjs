// The pages the Chromium benchmarks open: consent-gate's drop-in with the
// HubSpot chat facade, and HubSpot's standard embed without consent-gate.
import { html, openSite } from './browser.mjs';

const PORTAL = '1234567';
const CONFIG = { vendors: { 'hubspot-conversations': { portalId: PORTAL } }, policyVersion: 'bench' };
export const GUARD = 'consent-gate-guard-hubspot-conversations.js';
export const RUNTIME = 'consent-gate-hubspot-conversations.js';

const CONTENT = `<header><h1>Shop</h1><a href="#" data-consent-gate-settings>Privacy settings</a></header>
<main><h2>Products</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore.</p>
<ul><li>Chair</li><li>Table</li><li>Lamp</li></ul></main>`;

/**
 * consent-gate drop-in: config, guard, runtime (the chat facade comes with the runtime).
 * A HubSpot site's files: the guard and runtime built for HubSpot alone, as the README advises.
 */
export function consentGatePage(extraHead = '') {
  return dropinPage({ config: CONFIG, guard: `/dist/${GUARD}`, runtime: `/dist/${RUNTIME}`, extraHead });
}

/** The drop-in's two tags for any config and files (guard first in <head>, runtime deferred), on the same content. */
export function dropinPage({ config, guard, runtime, extraHead = '', body = '' }) {
  return html(
    CONTENT + body,
    `${extraHead}<script>window.consentGateConfig = ${JSON.stringify(config)};</script>
<script src="${guard}"></script>
<script src="${runtime}" defer></script>`,
  );
}

/** HubSpot's standard embed code, as HubSpot hands it out (end of <body>). */
export function hubspotEmbedPage(extraHead = '') {
  return html(
    `${CONTENT}
<!-- Start of HubSpot Embed Code -->
<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/${PORTAL}.js"></script>
<!-- End of HubSpot Embed Code -->`,
    extraHead,
  );
}

/**
 * A storage state (cookies) of a returning visitor who decided through the
 * public API: `grant` and `revoke` lists of purposes. Made by the real
 * runtime, so it follows the record format whatever it becomes; `page`
 * (and the `dirs` it loads from) picks the site, HubSpot's by default.
 */
export async function visitorState(browser, hosts, { grant = [], revoke = [], page = consentGatePage(), dirs = {} }) {
  const site = await openSite(browser, { pages: { '/': page }, hosts, dirs });
  try {
    await site.page.goto(site.url('/'));
    await site.page.waitForFunction(() => window.consentGate && typeof window.consentGate.decisions === 'function');
    await site.page.evaluate(
      ({ grant, revoke }) => {
        if (grant.length) window.consentGate.grant(...grant);
        if (revoke.length) window.consentGate.revoke(...revoke);
      },
      { grant, revoke },
    );
    const decided = await site.page.evaluate(() => window.consentGate.decisions());
    if (!decided.decided) throw new Error('could not record a decision for the returning-visitor state');
    return await site.context.storageState();
  } finally {
    await site.close();
  }
}
