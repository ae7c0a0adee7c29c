/**
 * The cookie and storage declaration, generated from the same catalog data
 * that drives blocking: JSON shaped like the IAB device-storage disclosure,
 * CSV, Markdown, and an HTML table a site embeds on its cookie-policy page.
 * Pure functions: no DOM, no globals.
 */
import { ConsentGateConfigError } from '../errors.js';
import { PURPOSES, type Purpose, type VendorData } from '../types.js';
import { durationInWords } from '../contract/time.js';
import { LANGUAGES, languageFor, languageTag, type Language } from '../ui/texts.js';
import { DECLARATION_TEXTS, type DeclarationTexts } from './declaration-texts.js';

export type DeclarationFormat = 'json' | 'csv' | 'md' | 'html';
export const DECLARATION_FORMATS: readonly DeclarationFormat[] = ['json', 'csv', 'md', 'html'];

/** One identifier a site stores on a visitor's device (IAB device-storage disclosure fields plus provenance). */
export interface DisclosureEntry {
  /** Cookie name or storage key; a prefix ends in `*`, a suffix starts with `*`. */
  identifier: string;
  /** `cookie`, or `web` for Web Storage (as in the IAB disclosure). */
  type: 'cookie' | 'web';
  /** For `web`: which storage (`indexeddb`: a database in a vendor's frame). */
  storage?: 'local' | 'session' | 'indexeddb';
  /** Seconds; 0 is a session cookie; null for web storage kept until removed. */
  maxAgeSeconds: number | null;
  /** The lifetime in words, e.g. "6 months". */
  lifetime: string;
  cookieRefresh: boolean;
  /** Where it is written: the site's host, its parent domain, `*` (any site using the vendor), or the vendor's own domain (a third-party cookie, a vendor frame's storage). */
  domains: string[];
  purposes: Purpose[];
  description: string;
  /** Vendor id (`consent-gate` for the consent record itself). */
  vendor: string;
  vendorTitle: string;
  provider: string;
  privacyPolicyUrl: string;
  source: string;
}

/** A host the configured vendors' code contacts. */
export interface DisclosureDomain {
  domain: string;
  use: string;
  vendor: string;
  purposes: Purpose[];
}

export interface Disclosure {
  generator: 'consent-gate';
  disclosures: DisclosureEntry[];
  domains: DisclosureDomain[];
}

export interface DeclarationInput {
  vendors: readonly VendorData[];
  /** Name of the consent record cookie (default `consent_gate`). */
  cookieName?: string;
  /** Lifetime of the consent record in days (default 180). */
  lifetimeDays?: number;
  cookieDomain?: string;
  /** The site's host, e.g. `www.shop.example`; fills `domains`. Default `*`. */
  siteHost?: string;
  /**
   * The registrable domain of `siteHost` (`shop.example`, `shop.co.uk` for
   * `www.shop.co.uk`), where cookies written on the parent domain live. The
   * caller finds it: the audit library with the public-suffix list, the
   * runtime by asking the browser. Without it, such cookies are declared on
   * `siteHost` itself (as on an IP address or localhost).
   */
  siteDomain?: string;
  /** The site's privacy policy (shown for the consent record). */
  privacyPolicyUrl?: string;
  /** The visitor's current decision per purpose (HTML only); omitted: "not decided". */
  decisions?: { decided: boolean; purposes: Record<Purpose, boolean> } | null;
  /** Nonce for the HTML's <style> element. */
  nonce?: string;
  /** Purposes shown with a current choice in the HTML (default: those the entries use). */
  purposes?: readonly Purpose[];
  /**
   * The language of the HTML: a language tag (`de`, `de-CH`, `sr-Cyrl`),
   * matched as the banner matches it (src/ui/texts.ts languageFor); English
   * by default. A language the banner does not ship is a ConsentGateConfigError.
   */
  lang?: string;
}

/** Seconds in words: 0 is "session", 15778800 is "6 months", 1800 is "30 minutes". */
export function lifetimeInWords(
  seconds: number | null,
  type: 'cookie' | 'web' = 'cookie',
  storage?: 'local' | 'session' | 'indexeddb',
): string {
  if (seconds === null || seconds <= 0) {
    if (type === 'cookie') return 'session';
    return storage === 'session' ? 'until the tab closes' : 'until removed';
  }
  return durationInWords(seconds, 'exact');
}

function domainsFor(scope: 'host' | 'parent' | undefined, input: DeclarationInput): string[] {
  const { siteHost, siteDomain } = input;
  if (!siteHost) return ['*'];
  return [scope === 'parent' && siteDomain ? `.${siteDomain}` : siteHost];
}

/** Every identifier the given vendors store, the consent record first. */
export function declarationEntries(input: DeclarationInput): Disclosure {
  const cookieName = input.cookieName ?? 'consent_gate';
  const days = input.lifetimeDays ?? 180;
  const own: DisclosureEntry = {
    identifier: cookieName,
    type: 'cookie',
    maxAgeSeconds: days * 86400,
    lifetime: lifetimeInWords(days * 86400),
    cookieRefresh: false,
    domains: input.cookieDomain ? [input.cookieDomain] : input.siteHost ? [input.siteHost] : ['*'],
    purposes: ['necessary'],
    description:
      "Stores the visitor's consent decision (per purpose and vendor, with the policy version and the time it was made), so the site can respect it and prove it.",
    vendor: 'consent-gate',
    vendorTitle: 'Consent record',
    provider: 'This site (first party)',
    privacyPolicyUrl: input.privacyPolicyUrl ?? '',
    source: 'consent-gate configuration (cookieName, cookieLifetimeDays)',
  };
  const disclosures: DisclosureEntry[] = [own];
  const domains: DisclosureDomain[] = [];
  for (const v of input.vendors) {
    const common = { vendor: v.id, vendorTitle: v.title, provider: v.provider, privacyPolicyUrl: v.privacyPolicyUrl };
    for (const c of v.cookies) {
      disclosures.push({
        identifier: c.match === 'prefix' ? `${c.name}*` : c.name,
        type: 'cookie',
        maxAgeSeconds: c.lifetime,
        lifetime: lifetimeInWords(c.lifetime),
        cookieRefresh: c.refresh === true,
        domains: domainsFor(c.scope, input),
        purposes: [c.purpose],
        description: c.description,
        ...common,
        source: c.source,
      });
    }
    for (const s of v.storage) {
      disclosures.push({
        identifier: s.match === 'prefix' ? `${s.key}*` : s.match === 'suffix' ? `*${s.key}` : s.key,
        type: 'web',
        storage: s.storage,
        maxAgeSeconds: s.lifetime > 0 ? s.lifetime : null,
        lifetime: lifetimeInWords(s.lifetime, 'web', s.storage),
        cookieRefresh: false,
        domains: domainsFor('host', input),
        purposes: [s.purpose],
        description: s.description,
        ...common,
        source: s.source,
      });
    }
    // what the vendor keeps on its own domain or in its own frame: declared where it lives (the page cannot delete it)
    for (const t of v.thirdParty ?? []) {
      const web = t.type !== 'cookie';
      disclosures.push({
        identifier: t.match === 'prefix' ? `${t.name}*` : t.name,
        type: web ? 'web' : 'cookie',
        ...(web ? { storage: t.type as 'local' | 'session' | 'indexeddb' } : {}),
        maxAgeSeconds: web && t.lifetime <= 0 ? null : t.lifetime,
        lifetime: lifetimeInWords(t.lifetime, web ? 'web' : 'cookie', web ? (t.type as 'local' | 'session' | 'indexeddb') : undefined),
        cookieRefresh: false,
        domains: [t.domain],
        purposes: [t.purpose],
        description: t.description,
        ...common,
        source: t.source,
      });
    }
    for (const h of v.hosts)
      domains.push({ domain: h.path ? `${h.host}${h.path}` : h.host, use: h.description, vendor: v.id, purposes: [h.purpose] });
  }
  return { generator: 'consent-gate', disclosures, domains };
}

const CSV_COLUMNS: (keyof DisclosureEntry)[] = [
  'identifier',
  'type',
  'purposes',
  'maxAgeSeconds',
  'lifetime',
  'cookieRefresh',
  'domains',
  'vendor',
  'provider',
  'privacyPolicyUrl',
  'description',
  'source',
];

function cell(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value);
}

function csvField(value: unknown): string {
  let text = cell(value);
  // a spreadsheet must not read a description as a formula
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function mdField(value: unknown): string {
  return cell(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function escapeHtml(value: unknown): string {
  return cell(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The language of a declaration, by the banner's matching; English without one. Throws ConsentGateConfigError for a language not shipped. */
export function declarationLanguage(lang: string | undefined): Language {
  if (lang === undefined) return 'en';
  const language = languageFor(lang);
  if (!language) throw new ConsentGateConfigError('declaration lang', `a language tag of one of ${LANGUAGES.join(', ')}`, lang);
  return language;
}

/** The words shown for the visitor's current choice of a purpose (in the language of `texts`, English by default). */
export function decisionText(
  purpose: Purpose,
  decisions: DeclarationInput['decisions'],
  texts: DeclarationTexts = DECLARATION_TEXTS.en,
): { text: string; state: 'on' | 'off' | 'undecided' } {
  if (purpose === 'necessary') return { text: texts.alwaysOn, state: 'on' };
  if (!decisions?.decided) return { text: texts.undecided, state: 'undecided' };
  return decisions.purposes[purpose] ? { text: texts.allowed, state: 'on' } : { text: texts.notAllowed, state: 'off' };
}

/** An entry's lifetime in the words of a language (`tag`, BCP 47). */
function lifetimeIn(e: DisclosureEntry, t: DeclarationTexts, tag: string): string {
  const seconds = e.maxAgeSeconds;
  if (seconds === null || seconds <= 0)
    return e.type === 'cookie' ? t.sessionCookie : e.storage === 'session' ? t.untilTabCloses : t.untilRemoved;
  return durationInWords(seconds, 'exact', tag);
}

const STYLE = `.consent-gate-declaration{font:14px/1.45 system-ui,sans-serif;color:#1d1d1f}.consent-gate-declaration table{border-collapse:collapse;width:100%;margin:0 0 1.2em}.consent-gate-declaration th,.consent-gate-declaration td{border:1px solid #c9ccd1;padding:.35em .55em;text-align:left;vertical-align:top}.consent-gate-declaration th{background:#eef0f3}.consent-gate-declaration code{font-size:.95em}.consent-gate-declaration [data-state=on]{color:#106b21;font-weight:600}.consent-gate-declaration [data-state=off],.consent-gate-declaration [data-state=undecided]{color:#9a1c1c;font-weight:600}.consent-gate-declaration button{font:inherit;padding:.45em 1em;border:1px solid #1d1d1f;border-radius:4px;background:#fff;cursor:pointer}`;

function renderHtml(d: Disclosure, input: DeclarationInput): string {
  const language = declarationLanguage(input.lang);
  const t = DECLARATION_TEXTS[language];
  const tag = languageTag(language);
  const titles: Record<Purpose, string> = {
    necessary: t.necessary,
    functional: t.functional,
    analytics: t.analytics,
    marketing: t.marketing,
  };
  const storageTitles = { local: t.local, session: t.session, indexeddb: t.indexeddb };
  const used = PURPOSES.filter((p) =>
    input.purposes ? p === 'necessary' || input.purposes.includes(p) : d.disclosures.some((e) => e.purposes.includes(p)),
  );
  const nonce = input.nonce ? ` nonce="${escapeHtml(input.nonce)}"` : '';
  const choices = used
    .map((p) => {
      const { text, state } = decisionText(p, input.decisions, t);
      return `<tr><th scope="row">${titles[p]}</th><td><span data-consent-gate-decision="${p}" data-state="${state}">${text}</span></td></tr>`;
    })
    .join('');
  const groups = used
    .map((p) => {
      const rows = d.disclosures
        .filter((e) => e.purposes.includes(p))
        .map((e) => {
          const policy = e.privacyPolicyUrl ? ` <a href="${escapeHtml(e.privacyPolicyUrl)}" rel="noopener">${t.policy}</a>` : '';
          const type = e.type === 'cookie' ? t.cookie : storageTitles[e.storage ?? 'local'];
          // consent-gate's own record speaks the declaration's language; a vendor's words are its catalog data
          const own = e.vendor === 'consent-gate';
          const where = e.domains.some((d) => d !== '*' && d !== input.siteHost && d !== `.${input.siteDomain}`)
            ? `<br><small>${escapeHtml(e.domains.join(' '))}</small>`
            : '';
          return `<tr><td><code>${escapeHtml(e.identifier)}</code></td><td>${escapeHtml(own ? t.recordTitle : e.vendorTitle)}<br><small>${escapeHtml(own ? t.recordProvider : e.provider)}</small>${policy}</td><td>${type}${where}</td><td>${escapeHtml(lifetimeIn(e, t, tag))}${e.cookieRefresh ? ` ${t.renewed}` : ''}</td><td>${escapeHtml(own ? t.recordDescription : e.description)}</td></tr>`;
        })
        .join('');
      return rows
        ? `<h3>${titles[p]}</h3><table data-purpose="${p}"><thead><tr><th>${t.name}</th><th>${t.provider}</th><th>${t.type}</th><th>${t.lifetime}</th><th>${t.use}</th></tr></thead><tbody>${rows}</tbody></table>`
        : '';
    })
    .join('');
  return `<section class="consent-gate-declaration" lang="${tag}" data-consent-gate-declaration><style${nonce}>${STYLE}</style><h2>${t.title}</h2><table class="consent-gate-choices"><thead><tr><th>${t.purpose}</th><th>${t.choice}</th></tr></thead><tbody>${choices}</tbody></table><p><button type="button" data-consent-gate-settings>${t.change}</button></p>${groups}</section>`;
}

/** The declaration in one format. Throws ConsentGateConfigError for an unknown format or a language not shipped (`lang`). */
export function renderDeclaration(format: DeclarationFormat, input: DeclarationInput): string {
  declarationLanguage(input.lang);
  const d = declarationEntries(input);
  switch (format) {
    case 'json':
      return JSON.stringify(d, null, 2);
    case 'csv':
      return [CSV_COLUMNS.join(','), ...d.disclosures.map((e) => CSV_COLUMNS.map((c) => csvField(e[c])).join(','))].join('\r\n') + '\r\n';
    case 'md': {
      const head = '| Name | Type | Purpose | Lifetime | Provider | What it is for |\n|---|---|---|---|---|---|';
      const rows = d.disclosures.map(
        (e) =>
          `| \`${mdField(e.identifier)}\` | ${e.type === 'cookie' ? 'cookie' : e.storage === 'indexeddb' ? 'IndexedDB' : `${e.storage}Storage`} | ${mdField(e.purposes)} | ${mdField(e.lifetime)}${e.cookieRefresh ? ' (renewed)' : ''} | ${mdField(e.provider)} (${mdField(e.vendorTitle)}) | ${mdField(e.description)} |`,
      );
      return [head, ...rows].join('\n') + '\n';
    }
    case 'html':
      return renderHtml(d, input);
    default:
      throw new ConsentGateConfigError(
        'declaration format',
        `one of ${DECLARATION_FORMATS.map((f) => JSON.stringify(f)).join(', ')}`,
        format,
      );
  }
}
