/**
 * The scanner's verdicts and its readable report: pure functions over what
 * the browser observed in the three phases (before consent, after accepting
 * all, after withdrawal and a reload). The CLI drives Chromium and feeds them.
 */
import { escapeHtml, lifetimeInWords } from './declaration.js';
import { matchCookie, matchHost, matchStorage } from './match.js';
import type { VendorTag } from './rewrite.js';
import type { Purpose, VendorData } from '../types.js';

export type PhaseId = 'before-consent' | 'after-accept' | 'after-withdrawal';

export interface ObservedCookie {
  name: string;
  domain: string;
  path: string;
  /** Seconds since epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  /** Where it came from, when the browser could tell: script URLs from the writing stack, or `HTTP <url>`. */
  setBy: string[];
  /** Set by a response during the phase and deleted by the page before the snapshot (its path and attributes then unknown). */
  gone?: boolean;
}

export interface ObservedStorage {
  storage: 'local' | 'session';
  origin: string;
  key: string;
  setBy: string[];
}

export interface ObservedRequest {
  url: string;
  host: string;
  method: string;
  resourceType: string;
  /** HTTP status, or null when it failed (network error, blocked, aborted). */
  status: number | null;
}

export interface PhaseObservation {
  id: PhaseId;
  /** What the scanner did to reach this phase, e.g. "called consentGate.grant(...)". */
  action: string;
  /** False when the scanner found no way to accept (phase b) or withdraw (phase c); withdrawal verdicts are then skipped. Default true. */
  performed?: boolean;
  /** ms since epoch when the snapshot was taken. */
  at: number;
  cookies: ObservedCookie[];
  storage: ObservedStorage[];
  requests: ObservedRequest[];
  /** A screenshot of the page at the snapshot, relative to the report (e.g. `screenshots/1-before-consent.jpg`). */
  screenshot?: string;
}

export interface Classified {
  vendor: string | null;
  purpose: Purpose | null;
  declared: boolean;
  /** A cookie the vendor declares as kept on its own domain (its `thirdParty` rows): the page cannot delete it. */
  thirdParty?: true;
}

export interface HostGroup extends Classified {
  host: string;
  requests: number;
  failed: number;
  urls: string[];
}

export interface PhaseReport extends PhaseObservation {
  cookies: (ObservedCookie & Classified & { lifetime: string })[];
  storage: (ObservedStorage & Classified)[];
  hosts: HostGroup[];
  violations: number;
}

export type ViolationKind =
  | 'host-before-consent'
  | 'cookie-before-consent'
  | 'storage-before-consent'
  | 'undeclared-cookie'
  | 'cookie-after-withdrawal'
  | 'storage-after-withdrawal'
  | 'host-after-withdrawal';

export interface Violation {
  kind: ViolationKind;
  phase: PhaseId;
  /** Host, cookie name or storage key. */
  target: string;
  /** Cookie domain or storage origin, when it applies. */
  domain?: string;
  vendor: string | null;
  purpose: Purpose | null;
  /** One sentence a privacy team can read. */
  message: string;
  evidence: string[];
}

/** What a page's report and a whole site's report both open with. */
export interface ReportHeader {
  tool: 'consent-gate scan';
  /** The page scanned, or the site's first page. */
  url: string;
  startedAt: string;
  finishedAt: string;
  /** Vendors a cookie, key or host is declared against. */
  declaredVendors: string[];
  /** No violation found. */
  clean: boolean;
  notes: string[];
}

export interface ScanReport extends ReportHeader {
  phases: PhaseReport[];
  violations: Violation[];
  /**
   * Vendor tags written in the page's HTML as served (Chromium's preload
   * scanner requests them before any script runs), each with its position,
   * the tag as written and its markup form (see `rewriteHtml`).
   */
  markup: VendorTag[];
}

export interface EvaluateInput {
  url: string;
  startedAt: string;
  finishedAt: string;
  phases: PhaseObservation[];
  /** Vendors whose cookies, keys and hosts count as declared (the site's configured vendors, or the whole catalog). */
  vendors: readonly VendorData[];
  /** The consent record's cookie name (declared, necessary). */
  cookieName: string;
  /** Vendor tags in the page's HTML (`rewriteHtml(html, rules, { baseUrl: url })`, changes and tags left). */
  markup?: readonly VendorTag[];
  notes?: string[];
}

const PHASE_TITLES: Record<PhaseId, string> = {
  'before-consent': 'a. Before consent (no interaction)',
  'after-accept': 'b. After accepting all',
  'after-withdrawal': 'c. After withdrawing consent and reloading',
};

function classifyCookie(name: string, input: EvaluateInput): Classified {
  if (name === input.cookieName) return { vendor: 'consent-gate', purpose: 'necessary', declared: true };
  const m = matchCookie(name, input.vendors);
  if (m) return { vendor: m.vendor.id, purpose: m.rule.purpose, declared: true };
  for (const vendor of input.vendors) {
    for (const t of vendor.thirdParty ?? []) {
      if (t.type === 'cookie' && (t.match === 'prefix' ? name.startsWith(t.name) : name === t.name))
        return { vendor: vendor.id, purpose: t.purpose, declared: true, thirdParty: true };
    }
  }
  return { vendor: null, purpose: null, declared: false };
}

function classifyStorage(key: string, storage: 'local' | 'session', vendors: readonly VendorData[]): Classified {
  const m = matchStorage(key, storage, vendors);
  return m ? { vendor: m.vendor.id, purpose: m.rule.purpose, declared: true } : { vendor: null, purpose: null, declared: false };
}

function groupHosts(requests: readonly ObservedRequest[], vendors: readonly VendorData[]): HostGroup[] {
  const groups = new Map<string, HostGroup>();
  for (const r of requests) {
    let g = groups.get(r.host);
    if (!g) {
      const m = matchHost(r.url, vendors);
      g = {
        host: r.host,
        vendor: m ? m.vendor.id : null,
        purpose: m ? m.rule.purpose : null,
        declared: m !== null,
        requests: 0,
        failed: 0,
        urls: [],
      };
      groups.set(r.host, g);
    }
    g.requests++;
    if (r.status === null) g.failed++;
    if (!g.urls.includes(r.url) && g.urls.length < 20) g.urls.push(r.url);
  }
  return [...groups.values()];
}

function cookieKey(c: Pick<ObservedCookie, 'name' | 'domain' | 'path'>): string {
  return `${c.name}\u0000${c.domain}\u0000${c.path}`;
}

function expiryWords(c: ObservedCookie, at: number): string {
  if (c.expires < 0) return 'session';
  const seconds = Math.max(0, Math.round(c.expires - at / 1000));
  const days = seconds / 86400;
  return days >= 1 ? `${Math.round(days)} days` : lifetimeInWords(Math.max(60, Math.round(seconds / 60) * 60));
}

function setByText(setBy: readonly string[]): string[] {
  return setBy.length ? [`set by ${setBy.join(' <- ')}`] : [];
}

/** Where a vendor tag is written, in one line. */
export function markupWhere(t: Pick<VendorTag, 'line' | 'column' | 'within'>): string {
  return `line ${t.line}:${t.column}${t.within ? ` (in ${t.within === 'srcdoc' ? 'an iframe srcdoc' : '<noscript>'})` : ''}`;
}

/** The vendor tags of the HTML that fetch from `host`: evidence of where a request before consent came from. */
function markupEvidence(markup: readonly VendorTag[], host: string, pageUrl: string): string[] {
  return markup
    .filter((t) => {
      try {
        return new URL(t.url.trim(), pageUrl).host === host;
      } catch {
        return false;
      }
    })
    .map((t) => `written in the HTML at ${markupWhere(t)}: ${t.tag}`);
}

/** Turn three observed phases into a report with verdicts. */
export function evaluateScan(input: EvaluateInput): ScanReport {
  const violations: Violation[] = [];
  const phases: PhaseReport[] = input.phases.map((p) => ({
    ...p,
    cookies: p.cookies.map((c) => ({
      ...c,
      ...classifyCookie(c.name, input),
      lifetime: c.gone ? 'set by a response, deleted by the page before the snapshot' : expiryWords(c, p.at),
    })),
    storage: p.storage.map((s) => ({ ...s, ...classifyStorage(s.key, s.storage, input.vendors) })),
    hosts: groupHosts(p.requests, input.vendors),
    violations: 0,
  }));
  const byId = (id: PhaseId) => phases.find((p) => p.id === id);
  const before = byId('before-consent');
  const accepted = byId('after-accept');
  const withdrawn = byId('after-withdrawal');
  const optional = (purpose: Purpose | null): purpose is Purpose => purpose !== null && purpose !== 'necessary';

  if (before) {
    for (const h of before.hosts) {
      if (optional(h.purpose)) {
        violations.push({
          kind: 'host-before-consent',
          phase: before.id,
          target: h.host,
          vendor: h.vendor,
          purpose: h.purpose,
          message: `${h.host} (${h.vendor}, ${h.purpose}) was contacted before consent`,
          evidence: [...h.urls.slice(0, 5), ...markupEvidence(input.markup ?? [], h.host, input.url)],
        });
      }
    }
    for (const c of before.cookies) {
      if (optional(c.purpose)) {
        violations.push({
          kind: 'cookie-before-consent',
          phase: before.id,
          target: c.name,
          domain: c.domain,
          vendor: c.vendor,
          purpose: c.purpose,
          message: `cookie ${c.name} on ${c.domain} (${c.vendor}, ${c.purpose}) was set before consent`,
          evidence: setByText(c.setBy),
        });
      }
    }
    for (const s of before.storage) {
      if (optional(s.purpose)) {
        violations.push({
          kind: 'storage-before-consent',
          phase: before.id,
          target: s.key,
          domain: s.origin,
          vendor: s.vendor,
          purpose: s.purpose,
          message: `${s.storage}Storage key ${s.key} on ${s.origin} (${s.vendor}, ${s.purpose}) was written before consent`,
          evidence: setByText(s.setBy),
        });
      }
    }
  }

  // an undeclared cookie is reported once, in the first phase it shows up
  const seenUndeclared = new Set<string>();
  for (const p of phases) {
    for (const c of p.cookies) {
      if (c.declared || seenUndeclared.has(`${c.name}\u0000${c.domain}`)) continue;
      seenUndeclared.add(`${c.name}\u0000${c.domain}`);
      violations.push({
        kind: 'undeclared-cookie',
        phase: p.id,
        target: c.name,
        domain: c.domain,
        vendor: null,
        purpose: null,
        message: `cookie ${c.name} on ${c.domain} is not in the declaration`,
        evidence: setByText(c.setBy),
      });
    }
  }

  if (withdrawn && withdrawn.performed !== false) {
    const beforeKeys = new Set((before?.cookies ?? []).map(cookieKey));
    for (const c of withdrawn.cookies) {
      // declared optional cookies must be gone; undeclared ones that only came with consent must be gone too;
      // a vendor's cookie on its own domain is out of the page's reach (that the vendor is not contacted again is the hosts' verdict)
      if (c.thirdParty) continue;
      const consentOnly =
        !c.declared && !beforeKeys.has(cookieKey(c)) && (accepted?.cookies ?? []).some((a) => cookieKey(a) === cookieKey(c));
      if (optional(c.purpose) || consentOnly) {
        const what = c.declared ? `${c.vendor}, ${c.purpose}` : 'undeclared, appeared with consent';
        violations.push({
          kind: 'cookie-after-withdrawal',
          phase: withdrawn.id,
          target: c.name,
          domain: c.domain,
          vendor: c.vendor,
          purpose: c.purpose,
          message: `cookie ${c.name} on ${c.domain} (path ${c.path}; ${what}) is still present after withdrawal`,
          evidence: setByText(c.setBy),
        });
      }
    }
    for (const s of withdrawn.storage) {
      if (optional(s.purpose)) {
        violations.push({
          kind: 'storage-after-withdrawal',
          phase: withdrawn.id,
          target: s.key,
          domain: s.origin,
          vendor: s.vendor,
          purpose: s.purpose,
          message: `${s.storage}Storage key ${s.key} on ${s.origin} (${s.vendor}, ${s.purpose}) is still present after withdrawal`,
          evidence: setByText(s.setBy),
        });
      }
    }
    for (const h of withdrawn.hosts) {
      if (optional(h.purpose)) {
        violations.push({
          kind: 'host-after-withdrawal',
          phase: withdrawn.id,
          target: h.host,
          vendor: h.vendor,
          purpose: h.purpose,
          message: `${h.host} (${h.vendor}, ${h.purpose}) was contacted after withdrawal`,
          evidence: h.urls.slice(0, 5),
        });
      }
    }
  }

  for (const p of phases) p.violations = violations.filter((v) => v.phase === p.id).length;
  return {
    tool: 'consent-gate scan',
    url: input.url,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    declaredVendors: input.vendors.map((v) => v.id),
    clean: violations.length === 0,
    phases,
    violations,
    markup: [...(input.markup ?? [])],
    notes: input.notes ?? [],
  };
}

const KIND_TITLES: Record<ViolationKind, string> = {
  'host-before-consent': 'Vendor host contacted before consent',
  'cookie-before-consent': 'Vendor cookie present before consent',
  'storage-before-consent': 'Vendor storage key present before consent',
  'undeclared-cookie': 'Undeclared cookie',
  'cookie-after-withdrawal': 'Cookie still present after withdrawal',
  'storage-after-withdrawal': 'Storage key still present after withdrawal',
  'host-after-withdrawal': 'Vendor host contacted after withdrawal',
};

const REPORT_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d1d1f}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #c9ccd1;padding:.3em .5em;text-align:left;vertical-align:top;word-break:break-word}th{background:#eef0f3}.verdict{padding:.8em 1em;border-radius:6px;font-size:1.2em;font-weight:600}.verdict.clean{background:#e3f5e6;color:#106b21}.verdict.violations{background:#fbe4e4;color:#9a1c1c}tr.bad td{background:#fdf1f1}code{font-size:.95em}small{color:#555}figure{margin:.5em 0 1.5em}figure img{max-width:100%;border:1px solid #c9ccd1}section.page{border-top:3px solid #c9ccd1;margin-top:2em}`;

function table(headers: string[], rows: string[][], rowClass: (i: number) => string = () => ''): string {
  if (!rows.length) return '<p><em>none</em></p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr${rowClass(i) ? ` class="${rowClass(i)}"` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const who = (c: Classified) => (c.declared ? `${escapeHtml(c.vendor)} / ${escapeHtml(c.purpose)}` : '<strong>undeclared</strong>');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The table of vendor tags written in a page's HTML. */
function markupTable(markup: readonly VendorTag[]): string {
  const e = escapeHtml;
  return table(
    ['Where', 'Tag as written', 'Vendor / purpose', 'Markup form (consent-gate rewrite)'],
    markup.map((t) => [
      e(markupWhere(t)),
      `<code>${e(t.tag)}</code>`,
      `${e(t.vendor)} / ${e(t.purpose)}`,
      t.rewritten ? `<code>${e(t.rewritten)}</code>` : `<small>rewrite by hand: ${e(t.reason)}</small>`,
    ]),
    () => 'bad',
  );
}

/**
 * One page's sections: the summary per phase, the vendor tags in its HTML,
 * and each phase's tables and screenshot. `prefix` goes before every id (a
 * site report holds several pages).
 */
function pageSections(report: ScanReport, prefix = '', level = 2): { summary: string; markup: string; phases: string } {
  const e = escapeHtml;
  const flagged = (phase: PhaseId, target: string, domain?: string) =>
    report.violations.some(
      (v) => v.phase === phase && v.target === target && (domain === undefined || v.domain === undefined || v.domain === domain),
    );
  const summary = table(
    ['Phase', 'What the scanner did', 'Hosts contacted', 'Cookies', 'Storage keys', 'Violations'],
    report.phases.map((p) => [
      e(PHASE_TITLES[p.id]),
      e(p.action),
      String(p.hosts.length),
      String(p.cookies.length),
      String(p.storage.length),
      p.violations ? `<strong>${p.violations}</strong>` : '0',
    ]),
    (i) => (report.phases[i]!.violations ? 'bad' : ''),
  );
  const markup = `<div id="${prefix}markup">${markupTable(report.markup)}</div>`;
  const phases = report.phases
    .map((p) => {
      const hosts = table(
        ['Host', 'Vendor / purpose', 'Requests', 'Failed', 'Example URLs'],
        p.hosts.map((h) => [
          `<code>${e(h.host)}</code>`,
          h.declared ? `${e(h.vendor)} / ${e(h.purpose)}` : '<small>not a catalog host</small>',
          String(h.requests),
          String(h.failed),
          h.urls
            .slice(0, 3)
            .map((u) => `<small>${e(u)}</small>`)
            .join('<br>'),
        ]),
        (i) => (flagged(p.id, p.hosts[i]!.host) ? 'bad' : ''),
      );
      const cookies = table(
        ['Name', 'Domain', 'Path', 'Expires in', 'HttpOnly', 'Vendor / purpose', 'Set by'],
        p.cookies.map((c) => [
          `<code>${e(c.name)}</code>`,
          e(c.domain),
          e(c.path),
          e(c.lifetime),
          c.httpOnly ? 'yes' : 'no',
          who(c),
          c.setBy.map((s) => `<small>${e(s)}</small>`).join('<br>') || '<small>unknown</small>',
        ]),
        (i) => (flagged(p.id, p.cookies[i]!.name, p.cookies[i]!.domain) ? 'bad' : ''),
      );
      const storage = table(
        ['Key', 'Storage', 'Origin', 'Vendor / purpose', 'Set by'],
        p.storage.map((s) => [
          `<code>${e(s.key)}</code>`,
          e(s.storage),
          e(s.origin),
          who(s),
          s.setBy.map((x) => `<small>${e(x)}</small>`).join('<br>') || '<small>unknown</small>',
        ]),
        (i) => (flagged(p.id, p.storage[i]!.key, p.storage[i]!.origin) ? 'bad' : ''),
      );
      const shot = p.screenshot
        ? `<figure><img src="${e(p.screenshot)}" alt="${e(`The page: ${PHASE_TITLES[p.id]}`)}" loading="lazy" width="640"><figcaption><small>${e(PHASE_TITLES[p.id])}</small></figcaption></figure>`
        : '';
      const h = (n: number, text: string) => `<h${n}>${e(text)}</h${n}>`;
      return `<section id="${prefix}${p.id}">${h(level, PHASE_TITLES[p.id])}<p>${e(p.action)}</p>${shot}${h(level + 1, 'Requests by host')}${hosts}${h(level + 1, 'Cookies')}${cookies}${h(level + 1, 'Web Storage')}${storage}</section>`;
    })
    .join('');
  return { summary, markup, phases };
}

function violationRows(violations: readonly (Violation & { page?: string })[], withPage: boolean): string {
  const e = escapeHtml;
  return table(
    [...(withPage ? ['Page'] : []), 'Verdict', 'Phase', 'Target', 'Vendor / purpose', 'Details', 'Evidence'],
    violations.map((v) => [
      ...(withPage ? [`<small>${e(v.page)}</small>`] : []),
      e(KIND_TITLES[v.kind]),
      e(v.phase),
      `<code>${e(v.target)}</code>${v.domain ? `<br><small>${e(v.domain)}</small>` : ''}`,
      v.vendor ? `${e(v.vendor)} / ${e(v.purpose)}` : 'undeclared',
      e(v.message),
      v.evidence.map((x) => `<small>${e(x)}</small>`).join('<br>'),
    ]),
    () => 'bad',
  );
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body>${body}</body></html>`;
const notesList = (notes: readonly string[], level = 2) =>
  notes.length ? `<h${level}>Notes</h${level}><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';

/** The report as a standalone HTML page. */
export function renderScanReportHtml(report: ScanReport): string {
  const e = escapeHtml;
  const { summary, markup, phases } = pageSections(report);
  const verdict = report.clean ? 'Clean: no violations found' : `${plural(report.violations.length, 'violation')} found`;
  return page(
    `consent-gate scan: ${report.url}`,
    `<h1>consent-gate scan</h1><p><code>${e(report.url)}</code><br><small>${e(report.startedAt)} to ${e(report.finishedAt)}; declared vendors: ${e(report.declaredVendors.join(', ') || 'none')}</small></p><p class="verdict ${report.clean ? 'clean' : 'violations'}" id="verdict">${e(verdict)}</p><h2>Summary per phase</h2>${summary}<h2>Violations</h2><div id="violations">${violationRows(report.violations, false)}</div><h2>Vendor tags in the HTML</h2><p><small>Fetched by the browser's preload scanner before any script runs; the markup form makes no request until consent.</small></p>${markup}${notesList(report.notes)}${phases}`,
  );
}

/** Where something was seen on one page: the page and the phases. */
export interface SeenOn {
  url: string;
  phases: PhaseId[];
}

/** One vendor across the pages of a site. */
export interface SiteVendor {
  vendor: string;
  purposes: Purpose[];
  /** Hosts of the vendor contacted in any phase. */
  hosts: string[];
  /** Its cookies (`name@domain`) and storage keys (`local:key`, `session:key`) present in any phase. */
  cookies: string[];
  storage: string[];
  /** Pages where a host was contacted, or a cookie or key was present, with the phases. */
  pages: SeenOn[];
  /** Its tags written in the pages' HTML. */
  tags: number;
  violations: number;
}

/** One cookie (name and domain) across the pages of a site. */
export interface SiteCookie extends Classified {
  name: string;
  domain: string;
  pages: SeenOn[];
  violations: number;
}

export interface SiteViolation extends Violation {
  /** The page it was found on. */
  page: string;
}

/** A whole-site scan: each page's report, and what they add up to. */
export interface SiteReport extends ReportHeader {
  /** Every page's report, in the order scanned. */
  pages: ScanReport[];
  /** Every page's violations, each naming its page. */
  violations: SiteViolation[];
  vendors: SiteVendor[];
  cookies: SiteCookie[];
}

export interface SiteInput {
  url: string;
  startedAt: string;
  finishedAt: string;
  pages: readonly ScanReport[];
  notes?: string[];
}

/** Add a phase to where something was seen. */
function seen(list: SeenOn[], url: string, phase: PhaseId): void {
  let entry = list.find((s) => s.url === url);
  if (!entry) list.push((entry = { url, phases: [] }));
  if (!entry.phases.includes(phase)) entry.phases.push(phase);
}

const addTo = <T>(list: T[], value: T) => void (list.includes(value) || list.push(value));

/** Sum up the pages of a site: per vendor and per cookie, which pages and phases. */
export function summarizeSite(input: SiteInput): SiteReport {
  const vendors = new Map<string, SiteVendor>();
  const cookies = new Map<string, SiteCookie>();
  const vendor = (id: string): SiteVendor => {
    let v = vendors.get(id);
    if (!v) vendors.set(id, (v = { vendor: id, purposes: [], hosts: [], cookies: [], storage: [], pages: [], tags: 0, violations: 0 }));
    return v;
  };
  for (const report of input.pages) {
    for (const p of report.phases) {
      for (const h of p.hosts) {
        if (!h.vendor) continue;
        const v = vendor(h.vendor);
        addTo(v.hosts, h.host);
        addTo(v.purposes, h.purpose!);
        seen(v.pages, report.url, p.id);
      }
      for (const c of p.cookies) {
        const key = `${c.name}\u0000${c.domain}`;
        let entry = cookies.get(key);
        if (!entry)
          cookies.set(
            key,
            (entry = {
              name: c.name,
              domain: c.domain,
              vendor: c.vendor,
              purpose: c.purpose,
              declared: c.declared,
              pages: [],
              violations: 0,
            }),
          );
        seen(entry.pages, report.url, p.id);
        if (c.vendor && c.vendor !== 'consent-gate') {
          const v = vendor(c.vendor);
          addTo(v.cookies, `${c.name}@${c.domain}`);
          addTo(v.purposes, c.purpose!);
          seen(v.pages, report.url, p.id);
        }
      }
      for (const s of p.storage) {
        if (!s.vendor) continue;
        const v = vendor(s.vendor);
        addTo(v.storage, `${s.storage}:${s.key}`);
        addTo(v.purposes, s.purpose!);
        seen(v.pages, report.url, p.id);
      }
    }
    for (const t of report.markup) {
      const v = vendor(t.vendor);
      v.tags++;
      addTo(v.purposes, t.purpose);
    }
    for (const violation of report.violations) {
      if (violation.vendor && vendors.has(violation.vendor)) vendors.get(violation.vendor)!.violations++;
      const c =
        violation.kind.startsWith('cookie') || violation.kind === 'undeclared-cookie'
          ? cookies.get(`${violation.target}\u0000${violation.domain}`)
          : undefined;
      if (c) c.violations++;
    }
  }
  const violations = input.pages.flatMap((r) => r.violations.map((v) => ({ ...v, page: r.url })));
  return {
    tool: 'consent-gate scan',
    url: input.url,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    declaredVendors: input.pages[0]?.declaredVendors ?? [],
    clean: violations.length === 0,
    pages: [...input.pages],
    violations,
    vendors: [...vendors.values()].sort((a, b) => a.vendor.localeCompare(b.vendor)),
    cookies: [...cookies.values()].sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain)),
    notes: input.notes ?? [],
  };
}

/** Pages and their phases, in words. */
function seenText(list: readonly SeenOn[]): string {
  return list.map((s) => `<small>${escapeHtml(s.url)}: ${s.phases.map((p) => escapeHtml(p)).join(', ')}</small>`).join('<br>');
}

/** A whole-site report as a standalone HTML page. */
export function renderSiteReportHtml(report: SiteReport): string {
  const e = escapeHtml;
  const failing = report.pages.filter((p) => !p.clean).length;
  const verdict = report.clean
    ? `Clean: no violations on ${plural(report.pages.length, 'page')}`
    : `${plural(report.violations.length, 'violation')} on ${failing} of ${plural(report.pages.length, 'page')}`;
  const pages = table(
    ['#', 'Page', 'Violations', 'Vendor tags in the HTML'],
    report.pages.map((p, i) => [
      String(i + 1),
      `<a href="#page-${i + 1}">${e(p.url)}</a>`,
      p.violations.length ? `<strong>${p.violations.length}</strong>` : '0',
      String(p.markup.length),
    ]),
    (i) => (report.pages[i]!.clean ? '' : 'bad'),
  );
  const vendors = table(
    ['Vendor', 'Purposes', 'Hosts contacted', 'Cookies and storage keys', 'Pages (phases)', 'Tags in the HTML', 'Violations'],
    report.vendors.map((v) => [
      e(v.vendor),
      e(v.purposes.join(', ')),
      v.hosts.map((h) => `<code>${e(h)}</code>`).join('<br>'),
      [...v.cookies, ...v.storage].map((c) => `<code>${e(c)}</code>`).join('<br>'),
      seenText(v.pages),
      String(v.tags),
      v.violations ? `<strong>${v.violations}</strong>` : '0',
    ]),
    (i) => (report.vendors[i]!.violations ? 'bad' : ''),
  );
  const cookies = table(
    ['Name', 'Domain', 'Vendor / purpose', 'Pages (phases)', 'Violations'],
    report.cookies.map((c) => [
      `<code>${e(c.name)}</code>`,
      e(c.domain),
      who(c),
      seenText(c.pages),
      c.violations ? `<strong>${c.violations}</strong>` : '0',
    ]),
    (i) => (report.cookies[i]!.violations ? 'bad' : ''),
  );
  const each = report.pages
    .map((p, i) => {
      const id = `page-${i + 1}-`;
      const sections = pageSections(p, id, 3);
      return `<section class="page" id="page-${i + 1}"><h2>${i + 1}. <code>${e(p.url)}</code></h2><p class="verdict ${p.clean ? 'clean' : 'violations'}">${e(p.clean ? 'Clean' : `${plural(p.violations.length, 'violation')}`)}</p>${sections.summary}<h3>Violations</h3><div id="${id}violations">${violationRows(p.violations, false)}</div><h3>Vendor tags in the HTML</h3>${sections.markup}${notesList(p.notes, 3)}${sections.phases}</section>`;
    })
    .join('');
  return page(
    `consent-gate scan: ${report.url} (${plural(report.pages.length, 'page')})`,
    `<h1>consent-gate scan of a site</h1><p><code>${e(report.url)}</code>, ${plural(report.pages.length, 'page')}<br><small>${e(report.startedAt)} to ${e(report.finishedAt)}; declared vendors: ${e(report.declaredVendors.join(', ') || 'none')}</small></p><p class="verdict ${report.clean ? 'clean' : 'violations'}" id="verdict">${e(verdict)}</p><h2>Pages</h2><div id="pages">${pages}</div><h2>Violations</h2><div id="violations">${violationRows(report.violations, true)}</div><h2>Vendors across the site</h2><div id="vendors">${vendors}</div><h2>Cookies across the site</h2><div id="cookies">${cookies}</div>${notesList(report.notes)}${each}`,
  );
}
