/**
 * Generates Klaro's configuration from the resolved config and the catalog,
 * and translates Klaro's decisions back into ours. Pure functions: no Klaro,
 * no DOM, so they are unit-tested.
 *
 * Klaro's pitfalls handled here: one service per purpose with an explicit
 * `default: false` and no global `default: true`; no string hooks (no
 * callbacks at all: vendors react to our record, not to Klaro); Klaro keeps
 * nothing of its own (`storageMethod: 'test'` is its in-memory store).
 */
import type { ResolvedConfig } from '../config.js';
import type { DecisionChange } from '../consent/gate.js';
import type { Decisions, OptionalPurpose } from '../types.js';

export const BANNER_ELEMENT_ID = 'consent-gate-banner';

const PURPOSE_TEXT: Record<OptionalPurpose, { title: string; description: string }> = {
  functional: { title: 'Functional', description: 'Features you ask for, such as live chat.' },
  analytics: { title: 'Analytics', description: 'Measuring how the site is used, to improve it.' },
  marketing: { title: 'Marketing', description: 'Advertising and marketing tools.' },
};

export interface KlaroService {
  name: OptionalPurpose;
  title: string;
  description: string;
  purposes: OptionalPurpose[];
  default: false;
  required: false;
  optOut: false;
  onlyOnce: true;
  cookies: never[];
}

export interface KlaroConfig {
  version: 1;
  elementID: string;
  storageMethod: 'test';
  storageName: string;
  default: false;
  mustConsent: false;
  acceptAll: true;
  hideDeclineAll: false;
  hideLearnMore: false;
  noticeAsModal: false;
  groupByPurpose: false;
  disablePoweredBy: true;
  htmlTexts: false;
  showNoticeTitle: true;
  lang: string;
  purposeOrder: OptionalPurpose[];
  services: KlaroService[];
  translations: Record<string, Record<string, unknown>>;
}

function vendorsFor(config: ResolvedConfig, purpose: OptionalPurpose): string[] {
  return config.vendors.filter((v) => v.uses.includes(purpose)).map((v) => v.vendor?.title ?? v.id);
}

export function klaroConfig(config: ResolvedConfig): KlaroConfig {
  const texts = config.banner;
  const services: KlaroService[] = config.purposes.map((purpose) => {
    const vendors = vendorsFor(config, purpose);
    return {
      name: purpose,
      title: PURPOSE_TEXT[purpose].title,
      description: PURPOSE_TEXT[purpose].description + (vendors.length ? ` Used by: ${vendors.join(', ')}.` : ''),
      purposes: [purpose],
      default: false,
      required: false,
      optOut: false,
      onlyOnce: true,
      cookies: [],
    };
  });
  const translation: Record<string, unknown> = {
    ok: texts.acceptAll ?? 'Accept all',
    decline: texts.rejectAll ?? 'Reject all',
    acceptAll: texts.acceptAll ?? 'Accept all',
    acceptSelected: texts.save ?? 'Save choices',
    save: texts.save ?? 'Save choices',
    close: 'Close',
    consentNotice: {
      title: texts.title ?? 'Your privacy',
      description: texts.description ?? 'We would like to use a few optional services. Nothing optional loads until you say yes, and you can change your mind at any time under "Privacy settings".',
      learnMore: texts.settings ?? 'Settings',
      changeDescription: 'Our privacy policy changed since your last visit; please decide again.',
    },
    consentModal: {
      title: texts.title ?? 'Privacy settings',
      description: 'Choose which optional services this site may use. Necessary cookies (such as the one that keeps this choice) are always on.',
    },
    purposes: Object.fromEntries(config.purposes.map((p) => [p, PURPOSE_TEXT[p]])),
    service: {
      disableAll: { title: 'All optional services', description: 'Turn every optional service on or off.' },
      purpose: 'purpose',
      purposes: 'purposes',
      required: { title: '(always on)', description: 'Always on.' },
      optOut: { title: '(opt-out)', description: 'On unless you turn it off.' },
    },
  };
  if (texts.privacyPolicyUrl) translation.privacyPolicyUrl = texts.privacyPolicyUrl;
  return {
    version: 1,
    elementID: BANNER_ELEMENT_ID,
    storageMethod: 'test',
    storageName: `consent-gate-klaro-${config.cookieName}`,
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    noticeAsModal: false,
    groupByPurpose: false,
    disablePoweredBy: true,
    htmlTexts: false,
    showNoticeTitle: true,
    lang: config.lang,
    purposeOrder: [...config.purposes],
    services,
    translations: { zz: translation, [config.lang]: translation },
  };
}

/** Klaro's consents for our decisions (one entry per offered purpose). */
export function klaroConsents(config: ResolvedConfig, decisions: Decisions): Record<string, boolean> {
  return Object.fromEntries(config.purposes.map((p) => [p, decisions.purposes[p]]));
}

/**
 * Our decision for what Klaro saved. "Accept all" and "Reject all" are
 * decisions about everything, so they also clear per-vendor overrides.
 */
export function changeFromKlaro(config: ResolvedConfig, consents: Record<string, unknown>, type: string): DecisionChange {
  const purposes: Partial<Record<OptionalPurpose, boolean>> = {};
  for (const p of config.purposes) purposes[p] = type === 'accept' ? true : type === 'decline' ? false : consents[p] === true;
  return { purposes, reset: type === 'accept' || type === 'decline' };
}
