/**
 * The scanner's verdicts and its readable report: pure functions over what
 * the browser observed in the three phases (before consent, after accepting
 * all, after withdrawal and a reload). The CLI drives Chromium and feeds them.
 */
import { escapeHtml, lifetimeInWords } from './declaration.js';
import { matchCookie, matchHost, matchStorage } from './match.js';
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
}

export interface Classified {
  vendor: string | null;
  purpose: Purpose | null;
  declared: boolean;
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

export type ViolationKind = 'host-before-consent' | 'cookie-before-consent' | 'storage-before-consent' | 'undeclared-cookie' | 'cookie-after-withdrawal' | 'storage-after-withdrawal' | 'host-after-withdrawal';

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

export interface ScanReport {
  tool: 'consent-gate scan';
  url: string;
  startedAt: string;
  finishedAt: string;
  /** Vendors a cookie, key or host is declared against. */
  declaredVendors: string[];
  clean: boolean;
  phases: PhaseReport[];
  violations: Violation[];
  notes: string[];
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
  return m ? { vendor: m.vendor.id, purpose: m.rule.purpose, declared: true } : { vendor: null, purpose: null, declared: false };
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
      g = { host: r.host, vendor: m ? m.vendor.id : null, purpose: m ? m.rule.purpose : null, declared: m !== null, requests: 0, failed: 0, urls: [] };
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

/** Turn three observed phases into a report with verdicts. */
export function evaluateScan(input: EvaluateInput): ScanReport {
  const violations: Violation[] = [];
  const phases: PhaseReport[] = input.phases.map((p) => ({
    ...p,
    cookies: p.cookies.map((c) => ({ ...c, ...classifyCookie(c.name, input), lifetime: expiryWords(c, p.at) })),
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
        violations.push({ kind: 'host-before-consent', phase: before.id, target: h.host, vendor: h.vendor, purpose: h.purpose, message: `${h.host} (${h.vendor}, ${h.purpose}) was contacted before consent`, evidence: h.urls.slice(0, 5) });
      }
    }
    for (const c of before.cookies) {
      if (optional(c.purpose)) {
        violations.push({ kind: 'cookie-before-consent', phase: before.id, target: c.name, domain: c.domain, vendor: c.vendor, purpose: c.purpose, message: `cookie ${c.name} on ${c.domain} (${c.vendor}, ${c.purpose}) was set before consent`, evidence: setByText(c.setBy) });
      }
    }
    for (const s of before.storage) {
      if (optional(s.purpose)) {
        violations.push({ kind: 'storage-before-consent', phase: before.id, target: s.key, domain: s.origin, vendor: s.vendor, purpose: s.purpose, message: `${s.storage}Storage key ${s.key} on ${s.origin} (${s.vendor}, ${s.purpose}) was written before consent`, evidence: setByText(s.setBy) });
      }
    }
  }

  // an undeclared cookie is reported once, in the first phase it shows up
  const seenUndeclared = new Set<string>();
  for (const p of phases) {
    for (const c of p.cookies) {
      if (c.declared || seenUndeclared.has(`${c.name}\u0000${c.domain}`)) continue;
      seenUndeclared.add(`${c.name}\u0000${c.domain}`);
      violations.push({ kind: 'undeclared-cookie', phase: p.id, target: c.name, domain: c.domain, vendor: null, purpose: null, message: `cookie ${c.name} on ${c.domain} is not in the declaration`, evidence: setByText(c.setBy) });
    }
  }

  if (withdrawn && withdrawn.performed !== false) {
    const beforeKeys = new Set((before?.cookies ?? []).map(cookieKey));
    for (const c of withdrawn.cookies) {
      // declared optional cookies must be gone; undeclared ones that only came with consent must be gone too
      const consentOnly = !c.declared && !beforeKeys.has(cookieKey(c)) && (accepted?.cookies ?? []).some((a) => cookieKey(a) === cookieKey(c));
      if (optional(c.purpose) || consentOnly) {
        const what = c.declared ? `${c.vendor}, ${c.purpose}` : 'undeclared, appeared with consent';
        violations.push({ kind: 'cookie-after-withdrawal', phase: withdrawn.id, target: c.name, domain: c.domain, vendor: c.vendor, purpose: c.purpose, message: `cookie ${c.name} on ${c.domain} (path ${c.path}; ${what}) is still present after withdrawal`, evidence: setByText(c.setBy) });
      }
    }
    for (const s of withdrawn.storage) {
      if (optional(s.purpose)) {
        violations.push({ kind: 'storage-after-withdrawal', phase: withdrawn.id, target: s.key, domain: s.origin, vendor: s.vendor, purpose: s.purpose, message: `${s.storage}Storage key ${s.key} on ${s.origin} (${s.vendor}, ${s.purpose}) is still present after withdrawal`, evidence: setByText(s.setBy) });
      }
    }
    for (const h of withdrawn.hosts) {
      if (optional(h.purpose)) {
        violations.push({ kind: 'host-after-withdrawal', phase: withdrawn.id, target: h.host, vendor: h.vendor, purpose: h.purpose, message: `${h.host} (${h.vendor}, ${h.purpose}) was contacted after withdrawal`, evidence: h.urls.slice(0, 5) });
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

const REPORT_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d1d1f}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #c9ccd1;padding:.3em .5em;text-align:left;vertical-align:top;word-break:break-word}th{background:#eef0f3}.verdict{padding:.8em 1em;border-radius:6px;font-size:1.2em;font-weight:600}.verdict.clean{background:#e3f5e6;color:#106b21}.verdict.violations{background:#fbe4e4;color:#9a1c1c}tr.bad td{background:#fdf1f1}code{font-size:.95em}small{color:#555}`;

function table(headers: string[], rows: string[][], rowClass: (i: number) => string = () => ''): string {
  if (!rows.length) return '<p><em>none</em></p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r, i) => `<tr${rowClass(i) ? ` class="${rowClass(i)}"` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const who = (c: Classified) => (c.declared ? `${escapeHtml(c.vendor)} / ${escapeHtml(c.purpose)}` : '<strong>undeclared</strong>');

/** The report as a standalone HTML page. */
export function renderScanReportHtml(report: ScanReport): string {
  const e = escapeHtml;
  const flagged = (phase: PhaseId, target: string, domain?: string) => report.violations.some((v) => v.phase === phase && v.target === target && (domain === undefined || v.domain === undefined || v.domain === domain));
  const summary = table(
    ['Phase', 'What the scanner did', 'Hosts contacted', 'Cookies', 'Storage keys', 'Violations'],
    report.phases.map((p) => [e(PHASE_TITLES[p.id]), e(p.action), String(p.hosts.length), String(p.cookies.length), String(p.storage.length), p.violations ? `<strong>${p.violations}</strong>` : '0']),
    (i) => (report.phases[i]!.violations ? 'bad' : ''),
  );
  const violations = table(
    ['Verdict', 'Phase', 'Target', 'Vendor / purpose', 'Details', 'Evidence'],
    report.violations.map((v) => [e(KIND_TITLES[v.kind]), e(v.phase), `<code>${e(v.target)}</code>${v.domain ? `<br><small>${e(v.domain)}</small>` : ''}`, v.vendor ? `${e(v.vendor)} / ${e(v.purpose)}` : 'undeclared', e(v.message), v.evidence.map((x) => `<small>${e(x)}</small>`).join('<br>')]),
    () => 'bad',
  );
  const phases = report.phases
    .map((p) => {
      const hosts = table(
        ['Host', 'Vendor / purpose', 'Requests', 'Failed', 'Example URLs'],
        p.hosts.map((h) => [`<code>${e(h.host)}</code>`, h.declared ? `${e(h.vendor)} / ${e(h.purpose)}` : '<small>not a catalog host</small>', String(h.requests), String(h.failed), h.urls.slice(0, 3).map((u) => `<small>${e(u)}</small>`).join('<br>')]),
        (i) => (flagged(p.id, p.hosts[i]!.host) ? 'bad' : ''),
      );
      const cookies = table(
        ['Name', 'Domain', 'Path', 'Expires in', 'HttpOnly', 'Vendor / purpose', 'Set by'],
        p.cookies.map((c) => [`<code>${e(c.name)}</code>`, e(c.domain), e(c.path), e(c.lifetime), c.httpOnly ? 'yes' : 'no', who(c), c.setBy.map((s) => `<small>${e(s)}</small>`).join('<br>') || '<small>unknown</small>']),
        (i) => (flagged(p.id, p.cookies[i]!.name, p.cookies[i]!.domain) ? 'bad' : ''),
      );
      const storage = table(
        ['Key', 'Storage', 'Origin', 'Vendor / purpose', 'Set by'],
        p.storage.map((s) => [`<code>${e(s.key)}</code>`, e(s.storage), e(s.origin), who(s), s.setBy.map((x) => `<small>${e(x)}</small>`).join('<br>') || '<small>unknown</small>']),
        (i) => (flagged(p.id, p.storage[i]!.key, p.storage[i]!.origin) ? 'bad' : ''),
      );
      return `<section id="${p.id}"><h2>${e(PHASE_TITLES[p.id])}</h2><p>${e(p.action)}</p><h3>Requests by host</h3>${hosts}<h3>Cookies</h3>${cookies}<h3>Web Storage</h3>${storage}</section>`;
    })
    .join('');
  const notes = report.notes.length ? `<h2>Notes</h2><ul>${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
  const verdict = report.clean ? 'Clean: no violations found' : `${report.violations.length} violation${report.violations.length === 1 ? '' : 's'} found`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consent-gate scan: ${e(report.url)}</title><style>${REPORT_STYLE}</style></head><body><h1>consent-gate scan</h1><p><code>${e(report.url)}</code><br><small>${e(report.startedAt)} to ${e(report.finishedAt)}; declared vendors: ${e(report.declaredVendors.join(', ') || 'none')}</small></p><p class="verdict ${report.clean ? 'clean' : 'violations'}" id="verdict">${e(verdict)}</p><h2>Summary per phase</h2>${summary}<h2>Violations</h2><div id="violations">${violations}</div>${notes}${phases}</body></html>`;
}
