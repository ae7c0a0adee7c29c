/**
 * What the tag emulators share (emulators/<vendor>/index.mjs): serving page
 * code as a script, a 1×1 GIF, route handlers that record every request, and
 * the helpers the emulated tags use in the page (`pageKit`, serialised into
 * each script). Plain JavaScript, no dependency on the product.
 */

export const DEFAULT_BASE = 'https://{host}';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A script answer. */
export function js(body) {
  return { body, contentType: 'text/javascript; charset=utf-8', headers: { 'cache-control': 'no-store' } };
}

export const gif = () => ({ body: GIF, contentType: 'image/gif', headers: { 'cache-control': 'no-store' } });
export const empty = () => ({ status: 204, body: '', contentType: 'text/plain' });

/**
 * Helpers for code that runs in the page, as the real tags do it. Serialised
 * with Function.prototype.toString, so it uses nothing from its module.
 */
function pageKit() {
  var d = document;
  var kit = {
    /**
     * The registrable domain, found the way the tags find it: write a probe
     * cookie on the shortest domain first (two labels, then three, …) and keep
     * the first one the browser accepts. '' on localhost and IP addresses (the
     * tags then write host cookies).
     */
    topDomain: function (probe) {
      var host = location.hostname;
      if (host.indexOf('.') === -1 || /^[\d.]+$/.test(host) || host.indexOf(':') !== -1) return '';
      var labels = host.split('.');
      for (var i = labels.length - 2; i >= 0; i--) {
        var dom = labels.slice(i).join('.');
        d.cookie = probe + '=1; path=/; domain=.' + dom;
        if (kit.getCookie(probe) !== null) {
          d.cookie = probe + '=; path=/; max-age=0; domain=.' + dom;
          return dom;
        }
      }
      return '';
    },
    getCookie: function (name) {
      var parts = d.cookie ? d.cookie.split(/;\s*/) : [];
      for (var i = 0; i < parts.length; i++) {
        var eq = parts[i].indexOf('=');
        if ((eq === -1 ? parts[i] : parts[i].slice(0, eq)) === name) return eq === -1 ? '' : decodeURIComponent(parts[i].slice(eq + 1));
      }
      return null;
    },
    /** Write a cookie on `domain` (a parent-domain cookie) or, when '', on the exact host. `maxAge` 0: a session cookie. */
    setCookie: function (name, value, maxAge, domain) {
      d.cookie =
        name +
        '=' +
        encodeURIComponent(value) +
        '; path=/' +
        (maxAge ? '; max-age=' + maxAge : '') +
        (domain ? '; domain=.' + domain : '') +
        '; samesite=lax';
    },
    expireCookie: function (name, domain) {
      d.cookie = name + '=; path=/; max-age=0' + (domain ? '; domain=.' + domain : '');
    },
    /** A URL on `host` through the emulator's hostBase. */
    url: function (hostBase, host, path) {
      return hostBase.replace('{host}', host) + path;
    },
    query: function (params) {
      var out = [];
      for (var k in params)
        if (params[k] !== undefined && params[k] !== null) out.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
      return out.join('&');
    },
    /** An image request (the pixels). */
    pixel: function (url) {
      var img = new Image(1, 1);
      img.src = url;
      return img;
    },
    /** A POST beacon, as the collection endpoints take them. */
    post: function (url, body) {
      try {
        fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true, body: body === undefined ? '' : String(body) }).catch(
          function () {},
        );
      } catch (_e) {
        /* refused */
      }
    },
    randomId: function () {
      return Math.floor(Math.random() * 2147483647) + '' + Math.floor(Math.random() * 1000);
    },
    hex: function (n) {
      var s = '';
      while (s.length < n) s += Math.floor(Math.random() * 16).toString(16);
      return s;
    },
    /** An Arguments object or an array, as a plain array (for the log). */
    list: function (value) {
      return Array.prototype.slice.call(value);
    },
    isArguments: function (value) {
      return Object.prototype.toString.call(value) === '[object Arguments]';
    },
    /** A copy for the log that survives JSON (functions become "fn"). */
    plain: function (value) {
      return JSON.parse(
        JSON.stringify(value, function (k, v) {
          // (a Date is already a string here: its toJSON runs first, `this[k]` is the Date)
          return typeof v === 'function' ? 'fn' : this[k] instanceof Date ? 'date' : v;
        }) || 'null',
      );
    },
  };
  return kit;
}

/** A page script: `main(cfg, kit)` run at once, with the page kit. */
export function pageScript(main, cfg) {
  return `(${main.toString()})(${JSON.stringify(cfg ?? {})}, (${pageKit.toString()})());\n`;
}

/**
 * Route handlers for `hosts`, each answering through `answer(url)` and
 * recording the URL in `requests` first. `answer` returns what to serve, or
 * null for a 404.
 */
export function handlersFor(hosts, answer, requests) {
  return Object.fromEntries(
    hosts.map((host) => [
      host,
      async (url) => {
        requests.push(url.toString());
        return answer(url);
      },
    ]),
  );
}
