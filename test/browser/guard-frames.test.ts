/**
 * The leak classes of child windows, opaque frames, host spellings, editing
 * commands and release order (issue 12), in Chromium. Each attempt is the
 * whole vendor: its script, its cookie and storage, and every request
 * constructor of the window it runs in. Proof is the browser's own: no
 * request to a vendor host, no vendor cookie or key, no vendor script run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import {
  IS_VENDOR,
  allowAll,
  builtGuard,
  guardHead,
  ownFiles,
  scriptBody,
  settle,
  vendorHosts,
  vendorPaths,
  vendorRequests,
} from './guard-helpers';

let browser: LaunchedBrowser;
let guard: Awaited<ReturnType<typeof builtGuard>>;
beforeAll(async () => {
  [browser, guard] = await Promise.all([launchBrowser(), builtGuard()]);
});
afterAll(async () => {
  await browser?.closeAll();
});

/**
 * `attack(win)` in the page: everything the vendor does, from window `win`
 * (a child window, reached however the test reaches it). Every vendor
 * script that runs pushes its name on `top.ranAnywhere`.
 */
const ATTACK = `<script>
window.ranAnywhere = [];
window.attack = function (w, tag) {
  var d = w.document;
  var s = d.createElement('script'); s.src = 'https://js.usemessages.com/' + tag + '.js'; (d.head || d.documentElement).appendChild(s);
  var i = new w.Image(); i.src = 'https://track.hubspot.com/' + tag + '.gif';
  d.cookie = 'messagesUtk=' + tag + '; path=/';
  w.fetch('https://api.hubspot.com/' + tag + '.json').catch(function () {});
  var x = new w.XMLHttpRequest(); x.open('GET', 'https://api.hubspot.com/' + tag + '-xhr.json'); x.send();
  w.navigator.sendBeacon('https://track.hubspot.com/' + tag + '-beacon.json', 'x');
  try { new w.WebSocket('wss://hubspot-realtime.ably.io/' + tag); } catch (e) {}
  if (w.cookieStore) w.cookieStore.set('hs-messages-is-open', tag).catch(function () {});
  var f = d.createElement('iframe'); f.src = 'https://app.hubspot.com/' + tag + '.html'; (d.body || d.documentElement).appendChild(f);
};
</script>`;

/** Vendor scripts tell the top window they ran. */
const hosts = () => ({
  ...vendorHosts(),
  // a widget of another site, framed by the page
  'widgets.example.test': () => ({ body: '<!doctype html><p>widget</p>', contentType: 'text/html' }),
  'js.usemessages.com': (url: URL) => ({
    body: `(top.ranAnywhere = top.ranAnywhere || []).push(${JSON.stringify(url.pathname)});`,
    contentType: 'text/javascript',
  }),
});

async function open(body: string, extraPages: Record<string, unknown> = {}): Promise<Site & { errors: string[] }> {
  const site = await openSite(browser, {
    pages: { '/': html(body, guardHead() + ATTACK), '/guard.js': guard, ...ownFiles, ...(extraPages as Record<string, string>) },
    hosts: hosts(),
  });
  const errors: string[] = [];
  site.page.on('pageerror', (e) => errors.push(e.message));
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  return Object.assign(site, { errors });
}

/**
 * Nothing of the vendor happened: no request, no cookie, no script. (HubSpot
 * declares no Web Storage keys; storage of child windows is the same patch as
 * cookies, tested with a test catalog in guard-failclosed.test.ts.)
 */
async function expectNothing(site: Site): Promise<void> {
  await settle(site, 400);
  expect(vendorRequests(site).map((r) => r.url)).toEqual([]);
  expect((await site.cookieNames()).filter((n) => n === 'messagesUtk' || n.startsWith('hs-'))).toEqual([]);
  expect(await site.page.evaluate(() => (window as any).ranAnywhere)).toEqual([]);
}

/** Every child-window case at once: the frames the page makes and how it reaches them. */
const CHILD_WINDOWS = () => {
  const add = (setup: (f: HTMLIFrameElement) => void) => {
    const f = document.createElement('iframe');
    setup(f);
    document.body.appendChild(f);
    return f;
  };
  const attack = (window as any).attack;
  // an about:blank frame the page creates, reached through contentWindow
  attack(add(() => {}).contentWindow, 'blank');
  // the same, reached through window.frames[i]
  add(() => {});
  attack(window.frames[window.frames.length - 1], 'frames-index');
  // document.write into a frame
  const written = add(() => {}).contentDocument!;
  written.open();
  written.write(
    '<script src="https://js.usemessages.com/written.js"></script><img src="https://track.hubspot.com/written.gif"><iframe src="https://app.hubspot.com/written.html"></iframe>',
  );
  written.close();
  // a frame in a frame
  const outer = add(() => {}).contentWindow!;
  const inner = outer.document.createElement('iframe');
  outer.document.body.appendChild(inner);
  attack(inner.contentWindow, 'nested');
  // srcdoc: markup naming the vendor, and a document whose own script attacks from its window
  add(
    (f) =>
      (f.srcdoc =
        '<script src="https://js.usemessages.com/srcdoc.js"></script><script>document.cookie = "messagesUtk=srcdoc"; fetch("https://api.hubspot.com/srcdoc.json")</script>'),
  );
  add((f) => (f.srcdoc = '<p>own</p><script>parent.attack(window, "srcdoc-own")</script>'));
  // blob: documents, made of markup naming the vendor, and of a script of the page's
  const blob = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/html' }));
  add((f) => (f.src = blob('<script src="https://js.usemessages.com/blob.js"></script><img src="https://track.hubspot.com/blob.gif">')));
  add((f) => (f.src = blob('<p>own</p><script>parent.attack(window, "blob-own")</script>')));
  // javascript: documents
  add((f) => (f.src = 'javascript:"<script src=\\"https://js.usemessages.com/javascript.js\\"></script>"'));
  add((f) => (f.src = 'javascript:parent.attack(window, "javascript-own")'));
  // the parser's frame in a frame's document, used by that document's script (which names the vendor: held whole;
  // a script that does not name it, reaching such a frame before the document's load, is a limit: docs/guard.md)
  add(
    (f) =>
      (f.srcdoc =
        '<iframe></iframe><script>var d = frames[0].document, s = d.createElement("script"); s.src = "https://js.usemessages.com/parsed-frame.js"; d.body.appendChild(s)</script>'),
  );
};

describe('guard: child windows (Chromium)', () => {
  it('frames the page creates (about:blank, frames[i], document.write, nested, srcdoc, blob:, javascript:) get nothing of the vendor', async () => {
    const site = await open('<p>shop</p>');
    await site.page.evaluate(CHILD_WINDOWS);
    await expectNothing(site);
    expect(site.errors).toEqual([]);
    // every attempt is in the log, from the child windows too
    const kinds = new Set((await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => e.kind));
    for (const kind of ['script', 'img', 'cookie', 'cookieStore', 'fetch', 'xhr', 'beacon', 'WebSocket', 'iframe'])
      expect(kinds, kind).toContain(kind);
    await site.close();
  });

  it('frames the parser creates, reached by inline scripts through window.frames[i] and contentWindow', async () => {
    const site = await open(`<iframe id="a"></iframe><iframe id="b" srcdoc="<p>own</p>"></iframe>
<script>attack(frames[0], 'parser-index'); attack(document.getElementById('b').contentWindow, 'parser-content');</script>`);
    await expectNothing(site);
    await site.close();
  });

  it("a frame of another origin: its first empty window, reached before that origin's document comes, gets nothing of the vendor", async () => {
    const site = await open('<p>shop</p>');
    await site.page.evaluate(() => {
      const attack = (window as any).attack;
      const add = (n: number) => {
        const f = document.createElement('iframe');
        f.src = `https://widgets.example.test/${n}.html`;
        document.body.appendChild(f);
        return f;
      };
      attack(add(1).contentWindow, 'elsewhere-content');
      attack(add(2).contentDocument!.defaultView, 'elsewhere-document');
      add(3);
      attack(window.frames[window.frames.length - 1], 'elsewhere-frames');
      add(4);
      attack(window[window.length - 1], 'elsewhere-length');
      // the same from a frame of the page's own origin, through that window's own frames
      const child = document.createElement('iframe');
      document.body.appendChild(child);
      const inner = child.contentDocument!.createElement('iframe');
      inner.src = 'https://widgets.example.test/5.html';
      child.contentDocument!.body.appendChild(inner);
      attack(child.contentWindow!.frames[0], 'elsewhere-nested');
      // a URL that is none (a port out of range) leaves the frame's empty window in place: protected at once,
      // reached here by index alone (its index known without touching a window)
      const index = document.querySelectorAll('iframe').length;
      const broken = document.createElement('iframe');
      broken.src = 'https://widgets.example.test:99999/6.html';
      document.body.appendChild(broken);
      attack((window as any)[index], 'elsewhere-no-url');
    });
    await expectNothing(site);
    // and each frame then got its own document
    const widgets = site.requests.filter((r) => r.host === 'widgets.example.test').map((r) => r.url.replace(/.*\//, ''));
    expect(widgets.sort()).toEqual(['1.html', '2.html', '3.html', '4.html', '5.html']);
    expect(site.errors).toEqual([]);
    await site.close();
  });

  it('a same-origin window the page opens (open(""), used from the opener and written into) gets nothing of the vendor', async () => {
    const site = await open('<p>shop</p>');
    // (the popup's page known to the test first, so that its requests are seen)
    const [popup] = await Promise.all([
      site.context.waitForEvent('page'),
      site.page.evaluate(() => {
        (window as any).popup = window.open('');
      }),
    ]);
    await site.page.evaluate(() => {
      const w = (window as any).popup as Window;
      (window as any).attack(w, 'popup');
      w.document.write(
        '<p>own</p><script src="https://js.usemessages.com/popup-written.js"></script><img src="https://track.hubspot.com/popup-written.gif"><script>document.cookie = "hs-messages-is-open=true; path=/"; fetch("https://api.hubspot.com/popup-written.json").catch(function () {})</script>',
      );
      w.document.close();
    });
    // document.open with three arguments is window.open
    await site.page.evaluate(() => {
      const w = (document as any).open('', 'second', '') as Window;
      w.document.cookie = 'messagesUtk=document-open; path=/';
      (window as any).attack(w, 'document-open');
    });
    await expectNothing(site);
    // the popup is its own top: what would have run there is counted there
    expect(await popup.evaluate(() => (window as any).ranAnywhere ?? [])).toEqual([]);
    expect(await popup.evaluate(() => document.querySelector('p')?.textContent)).toBe('own');
    const kinds = new Set((await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => e.kind));
    for (const kind of ['script', 'img', 'cookie', 'fetch', 'xhr', 'beacon', 'WebSocket', 'iframe']) expect(kinds, kind).toContain(kind);
    await site.close();
  });

  it('after a grant the frames load their vendor content; after a revocation the same child-window attempts are held again', async () => {
    const site = await open('<p>shop</p>');
    await site.page.evaluate(() => {
      const f = document.createElement('iframe');
      f.id = 'held-srcdoc';
      f.srcdoc = '<script src="https://js.usemessages.com/after-grant.js"></script>';
      document.body.appendChild(f);
    });
    await settle(site);
    expect(vendorRequests(site)).toEqual([]);
    await allowAll(site);
    await expect.poll(() => site.page.evaluate(() => (window as any).ranAnywhere)).toEqual(['/after-grant.js']);
    // revoked: every child-window attempt is held again
    await site.page.evaluate(() => {
      (window as any).__consentGateGuard.update(() => false);
      (window as any).ranAnywhere = [];
    });
    const before = vendorRequests(site).length;
    await site.page.evaluate(() => {
      // (the vendor's cookie and key, set while it was allowed, are the runtime's cleanup to delete)
      document.cookie = 'messagesUtk=; path=/; max-age=0';
    });
    await site.page.evaluate(CHILD_WINDOWS);
    await settle(site, 400);
    expect(
      vendorRequests(site)
        .slice(before)
        .map((r) => r.url),
    ).toEqual([]);
    expect(await site.page.evaluate(() => (window as any).ranAnywhere)).toEqual([]);
    expect((await site.cookieNames()).filter((n) => n === 'messagesUtk')).toEqual([]);
    await site.close();
  });
});

describe('guard: opaque frames, host spellings, editing commands (Chromium)', () => {
  it('data: frames and sandboxed srcdoc naming a vendor host are held; ones that name none load', async () => {
    const site = await open('<p>shop</p>');
    await site.page.evaluate(() => {
      const add = (attrs: Record<string, string>) => {
        const f = document.createElement('iframe');
        for (const [k, v] of Object.entries(attrs)) f.setAttribute(k, v);
        document.body.appendChild(f);
      };
      add({ src: 'data:text/html,<script src="https://js.usemessages.com/data.js"></script>' });
      add({ src: 'data:text/html,%3Cimg%20src%3D%22https%3A%2F%2Ftrack.hubspot.com%2Fdata.gif%22%3E' });
      add({ src: 'data:text/html;base64,' + btoa('<script src="https://js.usemessages.com/base64.js"></script>') });
      add({ sandbox: 'allow-scripts', srcdoc: '<script src="https://js.usemessages.com/sandboxed.js"></script>' });
      add({ id: 'plain', src: 'data:text/html,<p>own</p>' });
    });
    await expectNothing(site);
    expect(await site.page.evaluate(() => document.getElementById('plain')!.getAttribute('src'))).toBe('data:text/html,<p>own</p>');
    await site.close();
  });

  it('a vendor host spelled another way (trailing dot, case, escapes, tabs) is that host', async () => {
    const site = await open('<p>shop</p>');
    await site.page.evaluate(() => {
      const spellings = [
        'https://js.usemessages.com./dot.js',
        'https://JS.UseMessages.COM/case.js',
        'https://js.%75semessages.com/escaped.js',
        'https://js.use\tmessages.com/tab.js',
        'https://user@js.usemessages.com:443/userinfo.js',
        '//js.usemessages.com./relative.js',
      ];
      for (const url of spellings) {
        const s = document.createElement('script');
        s.src = url;
        document.head.appendChild(s);
        fetch(url.replace('.js', '.json')).catch(() => undefined);
      }
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="https://track.hubspot.com./dot.gif"><iframe src="https://APP.HUBSPOT.COM./dot.html"></iframe>',
      );
    });
    await expectNothing(site);
    await site.close();
  });

  it('editing commands: insertHTML and insertImage in a contenteditable insert nothing that fetches', async () => {
    const site = await open('<div id="editor" contenteditable="true">x</div>');
    await site.page.evaluate(() => {
      const editor = document.getElementById('editor')!;
      editor.focus();
      document.execCommand(
        'insertHTML',
        false,
        '<img src="https://track.hubspot.com/insert-html.gif"><iframe src="https://app.hubspot.com/insert-html.html"></iframe><link rel="stylesheet" href="https://js.hubspot.com/insert-html.css">',
      );
      document.execCommand('insertImage', false, 'https://track.hubspot.com/insert-image.gif');
      document.execCommand('insertHTML', false, '<img id="own-inserted" src="/own.gif">');
    });
    await expectNothing(site);
    expect(await site.page.evaluate(() => document.getElementById('own-inserted')!.getAttribute('src'))).toBe('/own.gif');
    // released on a grant (the editing command itself drops the <link>)
    await allowAll(site);
    await expect.poll(() => vendorPaths(site)).toEqual(['/insert-html.gif', '/insert-html.html', '/insert-image.gif']);
    await site.close();
  });
});

describe('guard: release order (Chromium)', () => {
  it('parser- and script-inserted scripts across head and body run in the order the page attempted them', async () => {
    const site = await openSite(browser, {
      pages: {
        '/': html(
          `<script src="https://js.hs-scripts.com/1-body-library.js"></script>
<script>var s = document.createElement('script'); s.src = 'https://js.hs-scripts.com/2-head-dependent.js'; document.head.appendChild(s);</script>
<div><script src="https://js.hs-scripts.com/3-body-later.js" defer></script></div>
<script>var t = document.createElement('script'); t.src = 'https://js.hs-scripts.com/5-head-last.js'; var u = document.createElement('script'); u.src = 'https://js.hs-scripts.com/4-body-inserted-first.js'; document.body.appendChild(u); document.head.appendChild(t);</script>`,
          guardHead() + '<script src="https://js.hs-scripts.com/0-head-first.js"></script>',
        ),
        '/guard.js': guard,
      },
      hosts: {
        ...vendorHosts(),
        'js.hs-scripts.com': (url) => ({ body: scriptBody(url.pathname.slice(1)), contentType: 'text/javascript' }),
      },
      latency: { 'js.hs-scripts.com': 30 },
    });
    await site.page.goto(site.url('/'));
    await site.page.waitForLoadState('load');
    expect(await site.page.evaluate(() => (window as any).ran ?? [])).toEqual([]);
    await allowAll(site);
    const all = [
      '0-head-first.js',
      '1-body-library.js',
      '2-head-dependent.js',
      '3-body-later.js',
      '4-body-inserted-first.js',
      '5-head-last.js',
    ];
    await expect.poll(() => site.page.evaluate(() => (window as any).ran ?? []), { timeout: 5000 }).toEqual(all);
    // each once
    await allowAll(site);
    await settle(site);
    expect(await site.page.evaluate(() => (window as any).ran)).toEqual(all);
    await site.close();
  });
});

describe('guard: first-party resources (Chromium)', () => {
  it("the site's own scripts, images, fetches, cookies and frames are never held or delayed", async () => {
    const frame = html(
      '<img id="own-in-frame" src="/own.gif"><script>parent.frameRan = document.getElementById("own-in-frame").getAttribute("src");</script>',
    );
    const site = await open(
      `<script src="/own.js"></script><img id="own-parsed" src="/own.gif">
<iframe id="own-frame" src="/frame.html"></iframe>
<script>
window.ownRanInOrder = (window.ran || []).slice();
var s = document.createElement('script'); s.src = '/own.js?inserted'; s.onload = function () { window.ownInserted = true; }; document.head.appendChild(s);
var i = new Image(); i.src = '/own.gif?new'; window.ownImage = i;
document.cookie = 'cart=1; path=/';
localStorage.setItem('theme', 'dark');
document.body.insertAdjacentHTML('beforeend', '<img id="own-markup" src="/own.gif?markup">');
window.ownFetch = fetch('/own.js?fetch').then(function (r) { return r.status; });
</script>`,
      { '/frame.html': frame },
    );
    await site.page.waitForFunction(() => (window as any).ownInserted && (window as any).frameRan);
    const seen = await site.page.evaluate(async () => ({
      fetch: await (window as any).ownFetch,
      image: (window as any).ownImage.complete && (window as any).ownImage.naturalWidth,
      parsed: (document.getElementById('own-parsed') as HTMLImageElement).naturalWidth,
      cookie: document.cookie,
      key: localStorage.getItem('theme'),
      frame: (window as any).frameRan,
      inOrder: (window as any).ownRanInOrder,
      heldAnything: document.querySelectorAll('[data-cg-src],[data-cg-srcset],[data-cg-href],[data-cg-srcdoc]').length,
      blocked: window.consentGate.blocked().length,
    }));
    // (the parser-inserted script ran before the inline script after it: not held, not deferred)
    expect(seen).toEqual({
      fetch: 200,
      image: 1,
      parsed: 1,
      cookie: 'cart=1',
      key: 'dark',
      frame: '/own.gif',
      inOrder: ['own.js'],
      heldAnything: 0,
      blocked: 0,
    });
    const own = site.requests.filter((r) => !IS_VENDOR.test(r.host)).map((r) => r.url.replace(site.origin, ''));
    for (const path of ['/own.js', '/own.gif', '/frame.html', '/own.js?inserted', '/own.gif?new', '/own.gif?markup', '/own.js?fetch'])
      expect(own, path).toContain(path);
    expect(site.errors).toEqual([]);
    await site.close();
  });
});
