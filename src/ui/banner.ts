/**
 * The banner: Klaro's UI driven by our record. Loaded lazily (it carries
 * Klaro), only when a banner or the settings panel must show.
 */
import * as klaro from 'klaro/dist/klaro-no-translations-no-css.js';
import klaroCss from 'klaro/dist/klaro.min.css';
import { BANNER_ELEMENT_ID, changeFromKlaro, klaroConfig, klaroConsents } from './klaro-config.js';
import type { BannerBridge, BannerHandle } from './banner-types.js';
import type { Decisions } from '../types.js';

/**
 * Our look on top of Klaro's: "Accept all" and "Reject all" equally
 * prominent, the notice at the bottom left and at most `100vw - 120px` wide at
 * every viewport width, so it never covers a chat launcher in the bottom-right
 * corner.
 */
const OVERRIDES = `
#${BANNER_ELEMENT_ID} .klaro .cookie-notice:not(.cookie-modal-notice){left:20px;right:auto;bottom:20px;width:auto;max-width:min(400px,calc(100vw - 120px));border-radius:4px}
#${BANNER_ELEMENT_ID} .klaro .cookie-notice .cn-buttons{display:flex;gap:.5em;flex-wrap:wrap}
#${BANNER_ELEMENT_ID} .klaro .cookie-notice .cm-btn.cn-decline,
#${BANNER_ELEMENT_ID} .klaro .cookie-notice .cm-btn.cm-btn-success,
#${BANNER_ELEMENT_ID} .klaro .cookie-modal .cm-btn.cn-decline,
#${BANNER_ELEMENT_ID} .klaro .cookie-modal .cm-btn.cm-btn-accept-all{background:#1b4f9c;color:#fff;font-weight:600;font-size:1em;padding:.6em 1.1em;min-width:8em;border:0;border-radius:4px}
#${BANNER_ELEMENT_ID} .klaro .cm-btn:focus-visible,#${BANNER_ELEMENT_ID} .klaro a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
`;

function injectStyles(nonce: string | undefined): void {
  const id = `${BANNER_ELEMENT_ID}-styles`;
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  if (nonce) style.nonce = nonce;
  style.textContent = klaroCss + OVERRIDES;
  document.head.appendChild(style);
}

/**
 * Say where the first layer is, for what must keep out of its way (the chat
 * launcher): `--consent-gate-banner-inset` on the root element is the
 * distance from the viewport's bottom to the notice's top edge while the
 * notice shows; it is removed when the notice hides.
 */
function publishInset(): void {
  const root = document.documentElement;
  const measure = () => {
    const notice = document.querySelector(`#${BANNER_ELEMENT_ID} .cookie-notice:not(.cookie-modal-notice)`);
    const rect = notice?.getBoundingClientRect();
    if (rect && rect.width > 0 && rect.height > 0 && rect.top < innerHeight) root.style.setProperty('--consent-gate-banner-inset', `${Math.round(innerHeight - rect.top)}px`);
    else root.style.removeProperty('--consent-gate-banner-inset');
  };
  new MutationObserver(measure).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style'] });
  addEventListener('resize', measure);
  measure();
}

export function mountBanner(bridge: BannerBridge): BannerHandle {
  publishInset();
  const config = klaroConfig(bridge.config);
  injectStyles(bridge.config.nonce);
  const manager = klaro.getManager(config);
  let mode: 'hidden' | 'notice' | 'settings' = 'hidden';

  function seed(decisions: Decisions): void {
    const consents = klaroConsents(bridge.config, decisions);
    manager.consents = { ...consents };
    manager.savedConsents = { ...consents };
    manager.confirmed = decisions.decided;
    manager.notify('consents', manager.consents);
  }

  seed(bridge.decisions());
  manager.watch({
    update(_obj, name, data) {
      if (name !== 'saveConsents') return;
      const saved = data as { consents: Record<string, unknown>; type: string };
      mode = 'hidden';
      bridge.decide(changeFromKlaro(bridge.config, saved.consents, saved.type), 'banner');
    },
  });

  return {
    show(settings = false) {
      seed(bridge.decisions());
      if (settings) {
        mode = 'settings';
        klaro.show(config, true);
      } else {
        mode = 'notice';
        // the first layer shows while the record holds no decision
        manager.confirmed = false;
        klaro.render(config, {});
      }
    },
    update(decisions) {
      seed(decisions);
      // a decision made elsewhere answers the first layer; an open settings panel only reflects it
      if (mode === 'notice' && decisions.decided) {
        mode = 'hidden';
        manager.notify('applyConsents', manager.consents);
      }
    },
  };
}
