/**
 * What the scanner records in one browser context (one page's scan, on a
 * fresh profile): every request, by phase; who wrote each cookie and storage
 * key (the call stack of the write, or the response that sent Set-Cookie);
 * when the network goes quiet; and a snapshot of cookies, storage keys and
 * requests at the end of each phase.
 */

import { loadLibrary } from './config.mjs';

// consent-gate's own files pass writes through (the guard wraps document.cookie); they are not who wrote
const OWN_FILES = /\/consent-gate(?:-guard|-banner)?(?:\.min)?\.m?js$/;

/** Script URLs of a stack trace, innermost first, without line and column; consent-gate's own files left out unless nothing else is there. */
function stackUrls(stack) {
  const urls = [];
  for (const m of String(stack).matchAll(/((?:https?|file):\/\/[^\s)]+?)(?::\d+){1,2}\)?(?:\s|$)/g)) {
    if (!urls.includes(m[1])) urls.push(m[1]);
  }
  const others = urls.filter((u) => !OWN_FILES.test(new URL(u).pathname));
  return others.length ? others : urls;
}

/** Name and domain attribute of a Set-Cookie / document.cookie string. */
function parseCookieWrite(text) {
  const [pair, ...attrs] = String(text).split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  const domainAttr = attrs.map((a) => a.trim()).find((a) => /^domain=/i.test(a));
  const domain = domainAttr ? domainAttr.slice(7).trim().replace(/^\./, '').toLowerCase() : null;
  return { name, domain };
}

// Runs in every frame before any page script: records who writes cookies and storage keys.
const INIT_SCRIPT = `(() => {
  const send = (kind, text, stack) => { try { if (typeof window.__consentGateScanRecord === 'function') window.__consentGateScanRecord(kind, text, stack); } catch (e) {} };
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (desc && desc.set && desc.get) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: desc.enumerable,
      get() { return desc.get.call(this); },
      set(value) { send('cookie', String(value), new Error().stack || ''); return desc.set.call(this, value); },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let kind = 'session';
    try { if (this === window.localStorage) kind = 'local'; } catch (e) {}
    send(kind, String(key), new Error().stack || '');
    return setItem.apply(this, arguments);
  };
})();`;

const hostOf = (url, part = 'hostname') => {
  try {
    return new URL(url)[part];
  } catch {
    return '';
  }
};

/**
 * Start recording in `context` (before its first page). `notes` collects
 * what the report should say about the recording itself.
 */
export async function createRecorder(context, { quietMs, maxWaitMs, notes }) {
  const { isDeletion } = await loadLibrary();
  /** The phase requests are counted in: a phase id, or `between` (after withdrawing, before the reload). */
  let phase = 'before-consent';
  const requests = { 'before-consent': [], 'after-accept': [], 'after-withdrawal': [], between: [] };
  const byRequest = new Map();
  let inflight = 0;
  let lastActivity = Date.now();
  const writes = []; // { kind, name, domain | origin, hostOnly, setBy, at, phase?, response? (a response that set it) }

  context.on('request', (request) => {
    let url;
    try {
      url = new URL(request.url());
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    const entry = { url: request.url(), host: url.host, method: request.method(), resourceType: request.resourceType(), status: null };
    requests[phase].push(entry);
    byRequest.set(request, entry);
    inflight++;
    lastActivity = Date.now();
  });
  const settle = (request) => {
    if (byRequest.has(request)) {
      inflight = Math.max(0, inflight - 1);
      lastActivity = Date.now();
    }
  };
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  context.on('response', async (response) => {
    const entry = byRequest.get(response.request());
    if (entry) entry.status = response.status();
    try {
      for (const h of await response.headersArray()) {
        if (h.name.toLowerCase() !== 'set-cookie') continue;
        for (const line of h.value.split('\n')) {
          const { name, domain } = parseCookieWrite(line);
          if (name)
            writes.push({
              kind: 'cookie',
              name,
              domain: domain ?? hostOf(response.url()),
              hostOnly: domain === null,
              setBy: [`HTTP response of ${response.url()}`],
              at: Date.now(),
              phase,
              response: !isDeletion(line),
            });
        }
      }
    } catch {
      // the response went away with its page
    }
  });

  await context.exposeBinding('__consentGateScanRecord', (source, kind, text, stack) => {
    const setBy = stackUrls(stack);
    if (kind === 'cookie') {
      const { name, domain } = parseCookieWrite(text);
      if (name) writes.push({ kind, name, domain: domain ?? hostOf(source.frame.url()), hostOnly: domain === null, setBy, at: Date.now() });
    } else {
      writes.push({ kind, name: String(text), origin: hostOf(source.frame.url(), 'origin'), setBy, at: Date.now() });
    }
  });
  await context.addInitScript({ content: INIT_SCRIPT });

  function setByFor(cookie) {
    const domain = cookie.domain.replace(/^\./, '').toLowerCase();
    const hostOnly = !cookie.domain.startsWith('.');
    const candidates = writes.filter((w) => w.kind === 'cookie' && w.name === cookie.name);
    const exact = candidates.filter((w) => w.domain === domain && w.hostOnly === hostOnly);
    const pick = (exact.length ? exact : candidates).at(-1);
    return pick ? pick.setBy : [];
  }

  /** The storage keys of every frame of `page`, once per origin, with who wrote them. */
  async function storageOf(page) {
    const storage = [];
    const seen = new Set();
    for (const frame of page.frames()) {
      let found;
      try {
        found = await frame.evaluate(() => {
          const keys = (get) => {
            try {
              const s = get();
              return Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k !== null);
            } catch {
              return [];
            }
          };
          return { origin: location.origin, local: keys(() => localStorage), session: keys(() => sessionStorage) };
        });
      } catch {
        continue;
      }
      if (!found || found.origin === 'null' || seen.has(found.origin)) continue;
      seen.add(found.origin);
      for (const storageKind of ['local', 'session']) {
        for (const key of found[storageKind]) {
          const w = writes.filter((x) => x.kind === storageKind && x.name === key && x.origin === found.origin).at(-1);
          storage.push({ storage: storageKind, origin: found.origin, key, setBy: w ? w.setBy : [] });
        }
      }
    }
    return storage;
  }

  return {
    get phase() {
      return phase;
    },
    set phase(id) {
      phase = id;
    },
    /** Wait until no request has been in flight for `quietMs`, at most `maxWaitMs` (then a note says so). */
    async waitQuiet() {
      const start = Date.now();
      while (Date.now() - start < maxWaitMs) {
        if (inflight === 0 && Date.now() - lastActivity >= quietMs) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      notes.push(`the network did not go quiet within ${maxWaitMs} ms during ${phase}; the snapshot was taken anyway`);
      return false;
    },
    /**
     * The observation of phase `id`: cookies, storage keys and the requests
     * counted in it. A cookie a response set during the phase counts even when
     * the page deleted it before the snapshot (consent-gate's runtime deletes
     * what a record refuses as a page starts): it is listed with `gone: true`.
     */
    async snapshot(page, id, action, performed = true) {
      const cookies = (await context.cookies()).map((c) => ({
        name: c.name,
        domain: c.domain,
        path: c.path,
        expires: c.expires,
        httpOnly: c.httpOnly,
        secure: c.secure,
        sameSite: c.sameSite,
        setBy: setByFor(c),
      }));
      const domainOf = (w) => (w.hostOnly ? w.domain : `.${w.domain}`);
      for (const w of writes) {
        if (!w.response || w.phase !== id || cookies.some((c) => c.name === w.name && c.domain === domainOf(w))) continue;
        cookies.push({
          name: w.name,
          domain: domainOf(w),
          path: '/',
          expires: -1,
          httpOnly: false,
          secure: false,
          setBy: w.setBy,
          gone: true,
        });
      }
      return { id, action, performed, at: Date.now(), cookies, storage: await storageOf(page), requests: requests[id] };
    },
  };
}
