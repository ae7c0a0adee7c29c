/**
 * The pages of a whole-site scan: the start page, the site's sitemap.xml,
 * then the same-origin links of each page scanned, breadth-first, each page
 * once, up to a number of pages.
 */

/** Paths that are not pages (downloads, media, feeds): never queued. */
const NOT_A_PAGE =
  /\.(?:pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|png|jpe?g|gif|webp|avif|svg|ico|mp4|webm|mov|mp3|wav|ogg|css|js|mjs|json|xml|txt|csv|woff2?|ttf|eot)$/i;

/** The page `href` names, as the scanner keys it (no fragment, no empty query), or null when it is not a page of `origin`. */
export function pageKey(href, origin) {
  let url;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:') || NOT_A_PAGE.test(url.pathname)) return null;
  url.hash = '';
  if (url.search === '') url.search = '';
  return url.href;
}

/** The `<loc>` URLs of a sitemap or sitemap index (XML character references decoded). */
export function sitemapLocations(xml) {
  const decode = (text) =>
    text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, ref) => {
      const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()];
      if (named) return named;
      const code = ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    });
  return [...String(xml).matchAll(/<(?:\w+:)?loc>\s*([^<]*?)\s*<\/(?:\w+:)?loc>/gi)].map((m) => decode(m[1]));
}

/**
 * The pages `/sitemap.xml` of `origin` lists (following a sitemap index one
 * level down, at most 20 sitemaps), read with `fetchText` (the scan's
 * network). Empty when there is none.
 */
export async function sitemapPages(origin, fetchText, { log = () => {} } = {}) {
  const where = new URL('/sitemap.xml', origin);
  const xml = await fetchText(where);
  if (xml === null) return [];
  let pages = sitemapLocations(xml);
  if (/<(?:\w+:)?sitemapindex\b/i.test(xml)) {
    const nested = pages.filter((u) => URL.canParse(u, origin) && new URL(u, origin).origin === origin).slice(0, 20);
    pages = [];
    for (const u of nested) pages.push(...sitemapLocations((await fetchText(new URL(u, origin))) ?? ''));
  }
  log(`sitemap: ${pages.length} URL${pages.length === 1 ? '' : 's'} in ${where.href}`);
  return pages;
}

/** The same-origin links of a page (`a[href]`, `area[href]`), in document order. */
export async function pageLinks(page) {
  try {
    return await page.evaluate(() => [...document.querySelectorAll('a[href], area[href]')].map((a) => a.href));
  } catch {
    return [];
  }
}

/** The queue of pages to scan: breadth-first, each page once, same origin only, at most `limit`. */
export function createCrawl(start, limit) {
  const origin = new URL(start).origin;
  const queue = [];
  const seen = new Set();
  let taken = 0;
  const add = (hrefs) => {
    for (const href of hrefs) {
      const key = pageKey(href, origin);
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      queue.push(key);
    }
  };
  add([start]);
  return {
    origin,
    add,
    /** The next page to scan, or null when the queue is empty or the limit reached. */
    next() {
      if (taken >= limit || !queue.length) return null;
      taken++;
      return queue.shift();
    },
    get taken() {
      return taken;
    },
    /** How many pages the scan will reach at most, as far as is known now. */
    get known() {
      return Math.min(limit, taken + queue.length);
    },
  };
}
