// @vitest-environment node
/**
 * `consent-gate declare` as a privacy team runs it (needs `npm run build`):
 * the JSON declaration for HubSpot lists every cookie of the vendor-facts
 * reference with its purpose and lifetime.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'cli/consent-gate.mjs');
const REFERENCE = resolve(ROOT, 'test/fixtures/reference/vendor-facts.md');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MONTH = 2629800;
function seconds(words: string): number {
  const w = words
    .trim()
    .toLowerCase()
    .replace(/\s+now$/, '');
  if (w === 'session') return 0;
  const m = /^(\d+)\s*(min|minutes?|hours?|days?|months?|years?)$/.exec(w);
  if (!m) throw new Error(`unreadable lifetime in the reference: ${words}`);
  const n = Number(m[1]);
  const unit = m[2]!;
  if (unit.startsWith('min')) return n * 60;
  if (unit.startsWith('hour')) return n * 3600;
  if (unit.startsWith('day')) return n * 86400;
  if (unit.startsWith('month')) return n * MONTH;
  return n * 365.25 * 86400;
}

interface ReferenceCookie {
  name: string;
  purpose: string;
  lifetime: number;
}

/** The HubSpot cookie table of the vendor-facts reference: names, purpose and the current lifetime. */
function referenceCookies(): ReferenceCookie[] {
  const text = readFileSync(REFERENCE, 'utf8');
  const section = text.slice(text.indexOf('### Cookies'), text.indexOf('### SDK behaviour'));
  const out: ReferenceCookie[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [names, purpose, lifetime] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    const ids = [...names!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // "6 months (13 months in older copies)" -> "6 months"; "180 days / 7 days / …" -> one per name
    const values = lifetime!
      .replace(/\([^)]*\)/g, '')
      .split('/')
      .map((v) => v.trim())
      .filter(Boolean);
    ids.forEach((name, i) => {
      out.push({ name, purpose: purpose!.split(/\s/)[0]!, lifetime: seconds(values[Math.min(i, values.length - 1)]!) });
    });
  }
  return out;
}

describe('consent-gate declare', () => {
  it('the reference is read as expected', () => {
    expect(existsSync(REFERENCE)).toBe(true);
    expect(referenceCookies().map((c) => c.name)).toEqual([
      'messagesUtk',
      'hs-messages-is-open',
      'hs-messages-hide-welcome-message',
      '__hstc',
      'hubspotutk',
      '__hssc',
      '__hssrc',
      '__hs_opt_out',
      '__hs_initial_opt_in',
      '__hs_cookie_cat_pref',
      '__hs_do_not_track',
      '__cf_bm',
      '__cfruid',
      '__cfuvid',
    ]);
  });

  it('--format json for HubSpot lists every cookie of the vendor-facts reference with purpose and lifetime', () => {
    const r = cli(['declare', '--vendor', 'hubspot-conversations', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const byId = new Map<string, Record<string, unknown>>(json.disclosures.map((e: { identifier: string }) => [e.identifier, e]));
    for (const ref of referenceCookies()) {
      const entry = byId.get(ref.name);
      expect(entry, ref.name).toBeDefined();
      expect(entry!.type, ref.name).toBe('cookie');
      expect(entry!.purposes, ref.name).toEqual([ref.purpose]);
      expect(entry!.maxAgeSeconds, ref.name).toBe(ref.lifetime);
      expect(entry!.vendor, ref.name).toBe('hubspot-conversations');
      expect(String(entry!.description).length, ref.name).toBeGreaterThan(10);
      expect(entry!.privacyPolicyUrl).toBe('https://legal.hubspot.com/privacy-policy');
    }
    // consent-gate's own record is declared too
    expect(byId.get('consent_gate')).toMatchObject({ purposes: ['necessary'], maxAgeSeconds: 180 * 86400 });
  });

  it('--config takes the cookie name, lifetime and vendors from the site config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-declare-'));
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({ vendors: { 'hubspot-conversations': { portalId: '42' } }, cookieName: 'shop_consent', cookieLifetimeDays: 365 }),
    );
    const r = cli(['declare', '--config', file, '--format', 'md', '--host', 'www.shop.example']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| `shop_consent` \| cookie \| necessary \| 365 days \|/m);
    expect(r.stdout).toMatch(/^\| `__hstc` \| cookie \| analytics \| 6 months \(renewed\) \|/m);
    const csv = cli(['declare', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^identifier,type,purposes,maxAgeSeconds/);
  });

  it('usage errors exit 2 and say what was expected', { timeout: 60_000 }, () => {
    const format = cli(['declare', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "xml": expected one of json, csv, md, html');
    const vendor = cli(['declare', '--vendor', 'nope']);
    expect(vendor.code).toBe(2);
    expect(vendor.stderr).toContain('expected one of: hubspot-conversations');
    const dir = mkdtempSync(join(tmpdir(), 'cg-declare-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ vendors: { 'hubspot-conversations': { portalId: 'abc' } } }));
    const config = cli(['declare', '--config', join(dir, 'bad.json')]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('vendors.hubspot-conversations.portalId');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['declare', '--nope']).code).toBe(2);
  });

  it('--help, alone or after a command, prints the usage on stdout and exits 0', { timeout: 60_000 }, () => {
    for (const args of [['--help'], ['-h'], ['help'], ['bundle', '--help'], ['rewrite', '-h'], ['receipts', 'serve', '--help']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('consent-gate rewrite <files, folders or globs>');
      expect(r.stderr).toBe('');
    }
  });

  it('--lang gives the HTML in that language, matched as the banner matches tags; a language not shipped is a usage error', {
    timeout: 60_000,
  }, () => {
    const de = cli(['declare', '--vendor', 'hubspot-conversations', '--format', 'html', '--lang', 'de-CH']);
    expect(de.stderr).toBe('');
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('lang="de"');
    for (const text of [
      '<h2>Cookies und ähnliche Technologien</h2>',
      '<th>Ihre aktuelle Auswahl</th>',
      'Einstellungen ändern</button>',
      '>Noch nicht entschieden (aus)<',
      '6 Monate',
      'Einwilligungsnachweis',
    ])
      expect(de.stdout).toContain(text);
    expect(de.stdout).not.toContain('Change settings');
    expect(cli(['declare', '--vendor', 'hubspot-conversations', '--format', 'html']).stdout).toContain('Change settings</button>');
    const bad = cli(['declare', '--format', 'html', '--lang', 'ja']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang "ja": expected a language the banner speaks (ca, cs, da, de,');
  });
});

describe('consent-gate rewrite', { timeout: 60_000 }, () => {
  const EMBED =
    '<!doctype html>\r\n<html><head>\r\n<link rel="preconnect" href="https://js.usemessages.com">\r\n</head><body>\r\n<!-- <script src="https://js.hs-scripts.com/1.js"></script> -->\r\n<script type="text/javascript" id="hs-script-loader" async defer nonce="n0nce" src="//js.hs-scripts.com/1234567.js"></script>\r\n<noscript><img src="https://track.hubspot.com/__ptq.gif?a=1&amp;k=1" alt=""></noscript>\r\n<script src="/own.js"></script>\r\n</body></html>\r\n';
  const CLEAN = '<!doctype html><p>no vendor here <a href="https://www.hubspot.com/">HubSpot</a></p>';

  function site() {
    const dir = mkdtempSync(join(tmpdir(), 'cg-rewrite-'));
    mkdirSync(join(dir, 'public/blog'), { recursive: true });
    mkdirSync(join(dir, 'public/node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'public/index.html'), EMBED);
    writeFileSync(join(dir, 'public/blog/post.htm'), EMBED);
    writeFileSync(join(dir, 'public/about.html'), CLEAN);
    writeFileSync(join(dir, 'public/node_modules/x/index.html'), EMBED);
    writeFileSync(join(dir, 'public/notes.txt'), EMBED);
    return dir;
  }

  it('--check lists the files that would change and exits 1, changing nothing; a rewrite exits 0 and a second run finds nothing', () => {
    const dir = site();
    const check = cli(['rewrite', 'public/**/*.htm*', '--check'], dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('would rewrite public/blog/post.htm: 3 vendor tags');
    expect(check.stdout).toContain('would rewrite public/index.html: 3 vendor tags');
    expect(check.stdout).toMatch(
      /^ {2}public\/index\.html:6:1 <script type="text\/javascript" id="hs-script-loader" .*> hubspot-conversations \(functional\)$/m,
    );
    expect(check.stdout).toMatch(/^ {2}public\/index\.html:7:11 <img .*> hubspot-conversations \(analytics\) \(in <noscript>\)$/m);
    expect(check.stdout).toContain('2 of 3 files would change');
    expect(check.stdout).not.toContain('about.html:');
    // node_modules is not walked by **
    expect(check.stdout).not.toContain('node_modules');
    expect(readFileSync(join(dir, 'public/index.html'), 'utf8')).toBe(EMBED);

    const run = cli(['rewrite', 'public'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rewrote public/index.html: 3 vendor tags');
    expect(run.stdout).toContain('2 of 3 files rewritten');
    const html = readFileSync(join(dir, 'public/index.html'), 'utf8');
    expect(html).toBe(
      EMBED.replace('<link rel="preconnect" href=', '<link data-consent-gate="hubspot-conversations" rel="preconnect" data-href=')
        .replace(
          '<script type="text/javascript" id="hs-script-loader" async defer nonce="n0nce" src=',
          '<script type="text/plain" data-consent-gate="hubspot-conversations" data-type="text/javascript" id="hs-script-loader" async defer nonce="n0nce" data-src=',
        )
        .replace('<img src=', '<img data-consent-gate="hubspot-conversations" data-src='),
    );
    expect(readFileSync(join(dir, 'public/about.html'), 'utf8')).toBe(CLEAN);
    expect(readFileSync(join(dir, 'public/notes.txt'), 'utf8')).toBe(EMBED);

    const again = cli(['rewrite', 'public', '--check'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('3 files checked: no vendor tag to rewrite\n');
    expect(cli(['rewrite', 'public'], dir).stdout).toBe('3 files checked: no vendor tag to rewrite\n');
    expect(readFileSync(join(dir, 'public/index.html'), 'utf8')).toBe(html);
  });

  it('a tag that cannot be rewritten is named on stderr with its reason, and the exit code is 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-rewrite-'));
    writeFileSync(join(dir, 'lazy.html'), '<img class="lazy" data-src="/real.png" src="https://track.hubspot.com/__ptq.gif">');
    const r = cli(['rewrite', 'lazy.html'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lazy.html: 1 vendor tag left as written');
    expect(r.stderr).toMatch(
      /lazy\.html:1:1 <img .*> hubspot-conversations \(analytics\): left as written, the tag already has a data-src attribute/,
    );
  });

  it('--config adds the vendors of a site config (and checks it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-rewrite-'));
    writeFileSync(join(dir, 'a.html'), '<script src="https://widget.intercom.io/widget/abc"></script>');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ vendors: { intercom: { appId: 'abc' } } }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ vendors: { nope: true } }));
    const r = cli(['rewrite', 'a.html', '--check', '--config', 'config.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a.html:1:1 <script src="https://widget.intercom.io/widget/abc"> intercom (functional)');
    const bad = cli(['rewrite', 'a.html', '--config', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vendors.nope');
  });

  it('usage errors exit 2: no files, a missing file, a glob matching nothing, a file that is not UTF-8, an unknown option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-rewrite-'));
    writeFileSync(join(dir, 'latin1.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
    const none = cli(['rewrite'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('rewrite needs HTML files, folders or globs');
    const missing = cli(['rewrite', 'nope.html'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.html: no such file or folder');
    const glob = cli(['rewrite', 'site/**/*.html'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('site/**/*.html: matched no files');
    const latin1 = cli(['rewrite', 'latin1.html'], dir);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain('latin1.html: not UTF-8 text');
    expect(cli(['rewrite', 'x.html', '--fix'], dir).code).toBe(2);
  });
});

describe('scan helpers: the pages of a whole-site scan', async () => {
  // @ts-expect-error plain JavaScript module without types
  const { pageKey, sitemapLocations, createCrawl } = await import('../../cli/scan-site.mjs');
  // @ts-expect-error plain JavaScript module without types
  const { globToRegExp } = await import('../../cli/rewrite.mjs');

  it('pageKey: same origin only, no fragment, no empty query, no downloads', () => {
    const o = 'https://www.shop.test';
    expect(pageKey('/about/#team', o)).toBe('https://www.shop.test/about/');
    expect(pageKey('/about/?', o)).toBe('https://www.shop.test/about/');
    expect(pageKey('?vendor=crisp', `${o}/help/`)).toBe(null);
    expect(pageKey('/help/?vendor=crisp', o)).toBe('https://www.shop.test/help/?vendor=crisp');
    expect(pageKey('https://other.test/', o)).toBe(null);
    expect(pageKey('http://www.shop.test/', o)).toBe(null);
    expect(pageKey('mailto:a@shop.test', o)).toBe(null);
    expect(pageKey('/catalogue.PDF', o)).toBe(null);
    expect(pageKey('/sitemap.xml', o)).toBe(null);
    expect(pageKey('http://[bad', o)).toBe(null);
  });

  it('sitemapLocations: <loc> of a urlset or an index, namespaced or not, character references decoded', () => {
    const xml =
      '<?xml version="1.0"?><urlset><url><loc> https://www.shop.test/a?x=1&amp;y=2 </loc></url><url><sm:loc>https://www.shop.test/&#98;</sm:loc></url></urlset>';
    expect(sitemapLocations(xml)).toEqual(['https://www.shop.test/a?x=1&y=2', 'https://www.shop.test/b']);
    expect(sitemapLocations('not xml')).toEqual([]);
  });

  it('createCrawl: breadth-first, each page once, up to the limit', () => {
    const crawl = createCrawl('https://www.shop.test/', 3);
    crawl.add(['https://www.shop.test/', '/a/', 'https://www.shop.test/a/#x', '/b/', '/c/']);
    expect(crawl.known).toBe(3);
    expect([crawl.next(), crawl.next()]).toEqual(['https://www.shop.test/', 'https://www.shop.test/a/']);
    crawl.add(['/d/']);
    expect(crawl.next()).toBe('https://www.shop.test/b/');
    expect(crawl.next()).toBe(null);
    expect(crawl.taken).toBe(3);
  });

  it('globToRegExp: ** any folders, * and ? in one name, classes and alternatives', () => {
    const t = (glob: string, path: string) => globToRegExp(glob).test(path);
    expect(t('**/*.html', 'a/b/c.html')).toBe(true);
    expect(t('**/*.html', 'c.html')).toBe(true);
    expect(t('*.html', 'a/c.html')).toBe(false);
    expect(t('a/**/b/*.htm?', 'a/x/y/b/q.html')).toBe(true);
    expect(t('{blog,shop}/*.html', 'shop/x.html')).toBe(true);
    expect(t('{blog,shop}/*.html', 'help/x.html')).toBe(false);
    expect(t('[!x]*.html', 'y.html')).toBe(true);
    expect(t('[!x]*.html', 'x.html')).toBe(false);
    expect(t('a.html', 'aXhtml')).toBe(false);
  });
});
