/**
 * The audit feature: `gate.declaration(format)` and `gate.audit()`. It also
 * keeps every embedded HTML declaration's "your current choice" cells in step
 * with the visitor's decisions.
 */
import { decisionText, renderDeclaration, type DeclarationFormat } from './declaration.js';
import { DECLARATION_TEXTS } from './declaration-texts.js';
import { languageFor, pageLanguage } from '../ui/texts.js';
import { inspect, readDeviceStorage, type AuditReport } from './inspect.js';
import type { GateCore } from '../consent/gate.js';
import type { ResolvedConfig } from '../config.js';
import { onReady } from '../dom.js';
import { registrableDomain } from '../cleanup/index.js';
import type { Purpose } from '../types.js';

export interface AuditMethods {
  /** The cookie and storage declaration of the configured vendors, with the visitor's current choices in `html`. */
  declaration(format?: DeclarationFormat): string;
  /** Everything stored on the page now, matched to vendor and purpose, with violations and the guard's held-back log. */
  audit(): AuditReport;
}

/** The page's host and, as the browser's cookie rules say, its registrable domain. */
function siteOf(): { siteHost?: string; siteDomain?: string } {
  if (typeof location === 'undefined' || !location.hostname) return {};
  const siteDomain = registrableDomain(document);
  return { siteHost: location.hostname, ...(siteDomain ? { siteDomain } : {}) };
}

/** The page's language as the declaration speaks it: config `lang`, else `<html lang>`, matched as the banner matches it; else English. */
const languageOf = (core: GateCore<ResolvedConfig>) => languageFor(pageLanguage(core.config.lang)) ?? 'en';

function refreshChoices(core: GateCore<ResolvedConfig>): void {
  if (typeof document === 'undefined') return;
  const decisions = core.decisions();
  document.querySelectorAll<HTMLElement>('[data-consent-gate-decision]').forEach((el) => {
    // in the language of the declaration the cell is in (its section's lang), else the page's
    const language = languageFor(el.closest('[data-consent-gate-declaration]')?.getAttribute('lang') ?? '') ?? languageOf(core);
    const { text, state } = decisionText(el.getAttribute('data-consent-gate-decision') as Purpose, decisions, DECLARATION_TEXTS[language]);
    el.textContent = text;
    el.setAttribute('data-state', state);
  });
}

/**
 * The audit methods. The vendors' data must be at hand: the runtime fetches
 * every configured vendor's file before it calls this (a vendor whose file
 * did not load is left out).
 */
export function auditFeature(core: GateCore<ResolvedConfig>): AuditMethods {
  const vendors = core.config.vendors.flatMap((v) => (v.vendor ? [v.vendor] : []));
  core.events.on('change', () => refreshChoices(core));
  if (typeof document !== 'undefined') onReady(document, () => refreshChoices(core));
  return {
    declaration(format: DeclarationFormat = 'json') {
      const { config } = core;
      return renderDeclaration(format, {
        vendors,
        cookieName: config.cookieName,
        lifetimeDays: config.lifetimeDays,
        ...(config.cookieDomain ? { cookieDomain: config.cookieDomain } : {}),
        ...siteOf(),
        ...(config.banner.privacyPolicyUrl ? { privacyPolicyUrl: config.banner.privacyPolicyUrl } : {}),
        ...(config.nonce ? { nonce: config.nonce } : {}),
        purposes: ['necessary', ...config.purposes],
        decisions: core.decisions(),
        lang: languageOf(core),
      });
    },
    audit() {
      const items = inspect({ ...readDeviceStorage(), vendors, cookieName: core.config.cookieName, allows: core.allows });
      let blocked: AuditReport['blocked'] = [];
      try {
        blocked = core.guard ? core.guard.blocked() : [];
      } catch {
        blocked = [];
      }
      return {
        at: Date.now(),
        url: typeof location !== 'undefined' ? location.href : '',
        items,
        violations: items.filter((i) => i.violation),
        undeclared: items.filter((i) => !i.declared),
        blocked,
      };
    },
  };
}
