/**
 * The gate core: holds the consent record, turns API and banner decisions into
 * record writes, announces changes, tells the guard, and keeps other tabs in
 * step. Features (banner, chat, audit) are built on the `GateCore` it exposes.
 */
import { cookieValue, gpcRefuses, gpcSignal, peekRecord, recordAllows, type ConsentRecord } from './codec.js';
import { Emitter } from './emitter.js';
import { deleteRecord, makeRecord, readRecord, writeRecord, type RecordStore } from './record.js';
import { ConsentGateConfigError } from '../errors.js';
import type { ConsentReceipt } from '../receipts/schema.js';
import {
  OPTIONAL_PURPOSES,
  PURPOSES,
  type BlockedEntry,
  type ChangeEvent,
  type DecisionSource,
  type Decisions,
  type GpcMode,
  type GuardBridge,
  type OptionalPurpose,
  type Purpose,
} from '../types.js';

/** What the core needs of a resolved config (src/config.ts `ResolvedConfig` is one). */
export interface GateSettings {
  cookieName: string;
  cookieDomain?: string;
  lifetimeDays: number;
  policyVersion: string;
  /** The configured vendors: each one's id, the purpose it needs to load at all, and every purpose it uses (default: that one). */
  vendors: readonly { id: string; purpose: Purpose; uses?: readonly Purpose[] }[];
  /** What the Global Privacy Control signal refuses; default `opt-out`. */
  gpc?: GpcMode;
}

export interface RevokedEvent {
  vendor: string;
  purposes: Purpose[];
}

export interface GateEvents extends Record<string, unknown> {
  change: ChangeEvent;
  blocked: BlockedEntry;
  revoked: RevokedEvent;
  /** The proof of a decision (see src/receipts/schema.ts), whether or not it is sent to a receiver. */
  receipt: ConsentReceipt;
}

/** A decision to apply: purposes and vendor overrides to set; `reset` clears all overrides first. */
export interface DecisionChange {
  purposes?: Partial<Record<OptionalPurpose, boolean>>;
  vendors?: Record<string, boolean>;
  reset?: boolean;
}

/** The internal surface features build on. Not part of the public API. */
export interface GateCore<C extends GateSettings = GateSettings> {
  readonly config: C;
  readonly events: Emitter<GateEvents>;
  readonly guard: GuardBridge | null;
  decisions(): Decisions;
  /** Whether a vendor may use a purpose now. */
  allows(vendorId: string, purpose: Purpose): boolean;
  decide(change: DecisionChange, source: DecisionSource): void;
  /** The id of a record this policy's visitor made that has expired (older than the lifetime), if the browser still sends one. */
  expired(): string | null;
  /** Delete an expired record (after its receipt). */
  forget(): void;
  /** Stop listening to other tabs and timers. */
  destroy(): void;
}

export interface GateOptions {
  guard?: GuardBridge | null;
  /** Channel name for cross-tab sync; default derived from the cookie name. */
  channel?: string;
  /** Whether the browser sends the Global Privacy Control signal; default: `navigator.globalPrivacyControl`, read once. */
  gpcSignal?: boolean;
}

const SYNC_POLL_MS = 500;

export function createGateCore<C extends GateSettings>(config: C, options: GateOptions = {}): GateCore<C> {
  const store: RecordStore = {
    name: config.cookieName,
    lifetimeDays: config.lifetimeDays,
    policyVersion: config.policyVersion,
    ...(config.cookieDomain ? { domain: config.cookieDomain } : {}),
  };
  const events = new Emitter<GateEvents>();
  const guard = options.guard ?? null;
  let record: ConsentRecord | null = readRecord(store);
  // The Global Privacy Control signal, read once as the head guard reads it, and what it refuses under the config
  // (no record is written because it was seen: a record without `g` is refused those purposes while the signal is on).
  const signal = options.gpcSignal ?? gpcSignal(typeof navigator === 'undefined' ? undefined : navigator);
  const refused = gpcRefuses(signal, config.gpc);
  const allows = (r: ConsentRecord | null, vendorId: string, purpose: Purpose) => recordAllows(r, vendorId, purpose, refused);
  const allowsUnder = (r: ConsentRecord | null) => (vendorId: string, purpose: Purpose) => allows(r, vendorId, purpose);

  function decisionsOf(r: ConsentRecord | null): Decisions {
    const purposes = {} as Record<Purpose, boolean>;
    for (const p of PURPOSES) purposes[p] = allows(r, '', p);
    const vendors: Record<string, boolean> = {};
    for (const vendor of config.vendors) vendors[vendor.id] = allows(r, vendor.id, vendor.purpose);
    return {
      decided: r !== null,
      purposes,
      overrides: r ? { ...r.o } : {},
      vendors,
      decidedAt: r ? r.t : null,
      id: r ? r.id : null,
      policyVersion: config.policyVersion,
      gpc: { signal, applied: refused.length > 0 && !r?.g },
    };
  }

  /** Everything that is allowed under a record: purposes, vendors, and vendor:purpose pairs. */
  function allowedSet(r: ConsentRecord | null): Set<string> {
    const set = new Set<string>();
    for (const p of OPTIONAL_PURPOSES) if (allows(r, '', p)) set.add(p);
    for (const vendor of config.vendors) {
      if (allows(r, vendor.id, vendor.purpose)) set.add(vendor.id);
      for (const p of OPTIONAL_PURPOSES) if (allows(r, vendor.id, p)) set.add(`${vendor.id}:${p}`);
    }
    return set;
  }

  function apply(next: ConsentRecord | null, source: DecisionSource): void {
    const before = allowedSet(record);
    record = next;
    const after = allowedSet(record);
    const visible = (key: string) => !key.includes(':');
    const granted = [...after].filter((k) => !before.has(k) && visible(k));
    const revoked = [...before].filter((k) => !after.has(k) && visible(k));
    try {
      guard?.update(allowsUnder(record));
    } catch {
      // the guard keeps what it holds; a failing update never opens anything
    }
    for (const vendor of config.vendors) {
      const lost = OPTIONAL_PURPOSES.filter((p) => before.has(`${vendor.id}:${p}`) && !after.has(`${vendor.id}:${p}`));
      if (lost.length) events.emit('revoked', { vendor: vendor.id, purposes: lost });
    }
    events.emit('change', { granted, revoked, decisions: decisionsOf(record), source });
  }

  function decide(change: DecisionChange, source: DecisionSource): void {
    const base: Record<OptionalPurpose, boolean> = record ? { ...record.d } : { functional: false, analytics: false, marketing: false };
    const overrides: Record<string, boolean> = change.reset || !record ? {} : { ...record.o };
    // A choice made while the signal applies starts from what the visitor has now: the purposes the signal
    // refuses stay refused unless this change grants them again, and so do the vendors allowed before that use one.
    if (refused.length && !record?.g) {
      for (const p of refused) base[p] = false;
      for (const vendor of config.vendors) {
        if (overrides[vendor.id] && (vendor.uses ?? [vendor.purpose]).some((p) => refused.includes(p as OptionalPurpose)))
          delete overrides[vendor.id];
      }
    }
    for (const [p, value] of Object.entries(change.purposes ?? {})) base[p as OptionalPurpose] = value === true;
    Object.assign(overrides, change.vendors ?? {});
    // recorded as made while the signal was on: the visitor's own choice then stands over it
    const next = makeRecord(config.policyVersion, base, overrides, record?.id, undefined, signal);
    try {
      writeRecord(store, next);
    } catch {
      // a cookie that cannot be written still applies for this page view
    }
    apply(next, source);
    broadcast();
  }

  // Cross-tab sync: other tabs announce writes on a BroadcastChannel; a light
  // poll of the cookie catches writes from tabs without it and from other
  // windows of the same site.
  let lastSeen = safeCookieString();
  const channelName = options.channel ?? `consent-gate:${config.cookieName}`;
  let channel: BroadcastChannel | null = null;
  try {
    if (typeof window !== 'undefined' && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(channelName);
      channel.onmessage = () => sync();
    }
  } catch {
    channel = null;
  }
  const timer =
    typeof window !== 'undefined'
      ? window.setInterval(() => {
          const now = safeCookieString();
          if (now !== lastSeen) sync();
        }, SYNC_POLL_MS)
      : null;

  // in a task of its own, after what the decision lets load (a chat's loader after "Allow"): the record
  // was just written, so reading the cookie again asks the browser's cookie store
  function broadcast(): void {
    setTimeout(() => {
      lastSeen = safeCookieString();
      try {
        channel?.postMessage('changed');
      } catch {
        // nothing to tell
      }
    });
  }

  function sync(): void {
    lastSeen = safeCookieString();
    const fresh = readRecord(store);
    const same = fresh === record || (fresh !== null && record !== null && JSON.stringify(fresh) === JSON.stringify(record));
    if (!same) apply(fresh, 'sync');
  }

  if (guard) {
    try {
      guard.onBlocked((entry) => events.emit('blocked', entry));
      guard.update(allowsUnder(record));
    } catch {
      // the guard stays as it is: closed
    }
  }

  return {
    config,
    events,
    guard,
    decisions: () => decisionsOf(record),
    allows: (vendorId, purpose) => allows(record, vendorId, purpose),
    decide,
    expired() {
      if (record) return null;
      const stale = peekRecord(cookieValue(safeCookieString(), store.name), store.policyVersion);
      return stale && typeof stale.id === 'string' ? stale.id : null;
    },
    forget() {
      if (!record) deleteRecord(store);
    },
    destroy() {
      if (timer !== null) window.clearInterval(timer);
      channel?.close();
    },
  };
}

function safeCookieString(): string {
  try {
    return typeof document === 'undefined' ? '' : document.cookie;
  } catch {
    return '';
  }
}

/** Turn `grant`/`revoke` ids into a decision change, or throw naming the bad id. */
export function changeFor(config: GateSettings, ids: readonly unknown[], value: boolean, verb: 'grant' | 'revoke'): DecisionChange {
  const change: Required<Pick<DecisionChange, 'purposes' | 'vendors'>> = { purposes: {}, vendors: {} };
  const vendorIds = config.vendors.map((v) => v.id);
  ids.forEach((id, i) => {
    if (OPTIONAL_PURPOSES.includes(id as OptionalPurpose)) change.purposes[id as OptionalPurpose] = value;
    else if (typeof id === 'string' && vendorIds.includes(id)) change.vendors[id] = value;
    else {
      const expected = `a purpose (${OPTIONAL_PURPOSES.join(', ')}) or a configured vendor id (${vendorIds.join(', ') || 'none configured'})`;
      throw new ConsentGateConfigError(`${verb}() argument ${i + 1}`, expected, id);
    }
  });
  return change;
}
