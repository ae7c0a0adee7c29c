/**
 * Consent receipts from the page: every decision (banner, prompt, API, a
 * placeholder, the Global Privacy Control signal, a withdrawal, the expiry of
 * the record) becomes a receipt (./schema.ts), announced as the gate's
 * `receipt` event and, with `receipts: { endpoint }` in config, sent to the
 * site's receiver.
 *
 * Sending never blocks or breaks the page: `fetch` with keepalive (it
 * survives the page unloading), as text/plain so no preflight is needed,
 * else `navigator.sendBeacon`. A receipt that could not be sent waits in
 * localStorage (`<cookieName>_receipts`, first-party and necessary: it is the
 * proof of the visitor's decision) and is sent again on the next page, for
 * `retryDays` days; no more than MAX_PENDING wait.
 *
 * This is a part of its own, fetched when a decision is made or receipts wait.
 */
import { checksum } from '../consent/codec.js';
import { newRecordId } from '../consent/record.js';
import { OPTIONAL_PURPOSES } from '../contract/types.js';
import type { ResolvedConfig } from '../config.js';
import type { ChangeEvent, Decisions } from '../types.js';
import type { ConsentReceipt, ReceiptAction, ReceiptSource } from './schema.js';
import { chooseLanguage, languageTag } from '../ui/texts.js';

/** Most receipts that wait to be sent again; the oldest go first. */
export const MAX_PENDING = 50;

/** What a decision was, for its receipt. */
export interface ReceiptCause {
  action: ReceiptAction;
  source: ReceiptSource;
}

/**
 * The receipt's action and source for a change: a decision in the banner is
 * "accept-all", "reject-all" or "custom" by what it left granted; through the
 * API a withdrawal or a grant; a prompt, a click or a placeholder grants.
 * Null for a change that is no new decision (another tab's, a record read).
 */
export function causeOf(event: ChangeEvent, offered: readonly string[]): ReceiptCause | null {
  const d = event.decisions.purposes;
  switch (event.source) {
    case 'banner': {
      const on = offered.filter((p) => d[p as keyof typeof d]);
      return { source: 'banner', action: on.length === offered.length ? 'accept-all' : on.length === 0 ? 'reject-all' : 'custom' };
    }
    case 'api':
      return { source: 'api', action: event.revoked.length && !event.granted.length ? 'withdraw' : 'grant' };
    case 'prompt':
    case 'click':
    case 'placeholder':
      return { source: event.source, action: 'grant' };
    default:
      return null;
  }
}

/** A short hash of the configured vendor list (which vendors the visitor was shown): 8 hex digits. */
export function configHash(config: ResolvedConfig): string {
  const h = parseInt(
    checksum(
      config.vendors
        .map((v) => v.id)
        .sort()
        .join(' '),
    ),
    36,
  );
  return h.toString(16).padStart(8, '0');
}

/** The receipt of a decision. */
export function makeReceipt(
  config: ResolvedConfig,
  decisions: Decisions,
  cause: ReceiptCause,
  recordId: string,
  now = Date.now(),
): ConsentReceipt {
  const purposes = {} as ConsentReceipt['purposes'];
  for (const p of OPTIONAL_PURPOSES) purposes[p] = decisions.purposes[p] === true;
  return {
    schema: 1,
    receiptId: newRecordId(),
    recordId,
    time: new Date(now).toISOString(),
    policyVersion: config.policyVersion,
    configHash: configHash(config),
    action: cause.action,
    source: cause.source,
    purposes,
    vendors: { ...decisions.vendors },
    gpc: { signal: decisions.gpc?.signal === true, applied: decisions.gpc?.applied === true },
    // the language the visitor was shown (the banner's choice: config, else the page's, else English)
    language: languageTag(
      chooseLanguage(config.lang, typeof document !== 'undefined' ? document.documentElement.lang : undefined).language,
    ),
    path: typeof location !== 'undefined' ? location.pathname.replace(/[\0-\x1f]/g, '').slice(0, 512) || '/' : '/',
  };
}

interface Pending {
  /** When it was first tried (ms). */
  at: number;
  receipt: ConsentReceipt;
}

/** The receipts waiting to be sent, in the order they were made. */
function readPending(key: string): Pending[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(list)
      ? (list as Pending[]).filter((p) => p && typeof p.at === 'number' && p.receipt && typeof p.receipt.receiptId === 'string')
      : [];
  } catch {
    return [];
  }
}

function writePending(key: string, list: Pending[]): void {
  try {
    if (list.length) localStorage.setItem(key, JSON.stringify(list.slice(-MAX_PENDING)));
    else localStorage.removeItem(key);
  } catch {
    // no storage: a receipt that could not be sent is lost with the page
  }
}

/** Send one receipt; true once the receiver has acknowledged it (2xx). */
async function send(endpoint: string, receipt: ConsentReceipt): Promise<boolean> {
  const body = JSON.stringify(receipt);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    return response.ok;
  } catch {
    try {
      // the beacon is queued by the browser even as the page unloads; its answer is never known, so it stays pending
      navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'text/plain;charset=UTF-8' }));
    } catch {
      // nothing else to try on this page
    }
    return false;
  }
}

export interface ReceiptSender {
  /** Record a receipt: announce it, and send it when an endpoint is configured. */
  issue(receipt: ConsentReceipt): Promise<void>;
  /** Send again what earlier pages could not send. */
  flush(): Promise<void>;
}

export interface SenderOptions {
  endpoint?: string;
  /** Days a receipt that could not be sent is tried again (default 30). */
  retryDays?: number;
  /** Where the waiting receipts are kept (localStorage key). */
  storageKey: string;
  announce(receipt: ConsentReceipt): void;
}

export function createSender(options: SenderOptions): ReceiptSender {
  const keepMs = (options.retryDays ?? 30) * 86_400_000;
  let queue = Promise.resolve();
  /** One sending pass at a time, in order: what is pending first, then the new one. */
  const serial = (job: () => Promise<void>) => (queue = queue.then(job, job));

  async function flushNow(): Promise<void> {
    if (!options.endpoint) return;
    const now = Date.now();
    const sent = new Set<string>();
    for (const pending of readPending(options.storageKey)) {
      if (now - pending.at <= keepMs && (await send(options.endpoint, pending.receipt))) sent.add(pending.receipt.receiptId);
    }
    // read again: another tab may have added receipts meanwhile
    writePending(
      options.storageKey,
      readPending(options.storageKey).filter((p) => !sent.has(p.receipt.receiptId) && now - p.at <= keepMs),
    );
  }

  return {
    issue(receipt) {
      try {
        options.announce(receipt);
      } catch {
        // a listener's error is the page's, never the receipt's
      }
      if (!options.endpoint) return Promise.resolve();
      return serial(async () => {
        writePending(options.storageKey, [...readPending(options.storageKey), { at: Date.now(), receipt }]);
        await flushNow();
      });
    },
    flush: () => serial(flushNow),
  };
}
