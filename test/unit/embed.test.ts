/**
 * The pure parts of the embeds: the vendors' embed URLs, reading a URL
 * through `hostBase`, the placeholder's words, its box, which elements are
 * embeds, the site's poster, the catalog entries and their declaration rows.
 * What a browser decides (requests, cookies, layout, focus) is in
 * test/browser/embed*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import youtube, { youtubeEmbedUrl } from '../../vendors/youtube';
import vimeo, { vimeoEmbedUrl } from '../../vendors/vimeo';
import googleMaps, { mapsEmbedUrl } from '../../vendors/google-maps';
import { reach } from '../../vendors/_embed';
import { EMBED_TEXTS, embedTexts, tableFor } from '../../src/embed/texts';
import { LANGUAGES as EMBED_LANGUAGES, fill } from '../../src/ui/texts';
import { attributeLength, boxStyle } from '../../src/embed/box';
import { findEmbed, posterOf, type EmbedVendor } from '../../src/embed/find';
import { compileRules, matchCookie, matchUrl } from '../../src/guard/rules';
import { resolveConfig } from '../../src/config';
import { declarationEntries, renderDeclaration } from '../../src/audit/declaration';
import type { Vendor, VendorContext } from '../../src/types';

const BASE = 'https://www.shop.test/blog/';
const embedVendors = [youtube, vimeo, googleMaps] as unknown as Vendor[];

describe('YouTube embed URL', () => {
  it('loads from www.youtube-nocookie.com, keeping the path and parameters the site wrote', () => {
    expect(youtubeEmbedUrl('https://www.youtube.com/embed/M7lc1UVf-VE?start=30', BASE, undefined, false)).toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?start=30',
    );
    expect(youtubeEmbedUrl('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE', BASE, undefined, false)).toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
    );
    expect(youtubeEmbedUrl('//youtube.com/embed/videoseries?list=PL1', BASE, undefined, false)).toBe(
      'https://www.youtube-nocookie.com/embed/videoseries?list=PL1',
    );
  });

  it('starts at once (autoplay=1) when the visitor asked for that video', () => {
    expect(youtubeEmbedUrl('https://www.youtube-nocookie.com/embed/abc?autoplay=0&rel=0', BASE, undefined, true)).toBe(
      'https://www.youtube-nocookie.com/embed/abc?autoplay=1&rel=0',
    );
  });

  it('is null for a URL that is not a YouTube embed', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=abc',
      'https://www.youtube.com/iframe_api',
      'https://i.ytimg.com/vi/abc/hqdefault.jpg',
      'https://player.vimeo.com/video/1',
      'not a url ::',
      'https://evil.test/embed/abc',
    ]) {
      expect(youtubeEmbedUrl(url, BASE, undefined, false), url).toBeNull();
    }
  });

  it('through hostBase: the host is read from the path and written back the same way', () => {
    const base = 'http://localhost:4173/blog/';
    expect(youtubeEmbedUrl('/vendor/www.youtube.com/embed/abc', base, '/vendor/{host}', true)).toBe(
      'http://localhost:4173/vendor/www.youtube-nocookie.com/embed/abc?autoplay=1',
    );
    expect(youtubeEmbedUrl('http://localhost:4173/elsewhere/www.youtube.com/embed/abc', base, '/vendor/{host}', false)).toBeNull();
  });
});

describe('Vimeo embed URL', () => {
  it('always carries dnt=1, and autoplay=1 when the visitor asked for that video', () => {
    expect(vimeoEmbedUrl('https://player.vimeo.com/video/76979871?h=8272103f6e', BASE, undefined, false)).toBe(
      'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1',
    );
    expect(vimeoEmbedUrl('https://player.vimeo.com/video/76979871?dnt=0', BASE, undefined, true)).toBe(
      'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1',
    );
  });

  it('is null for a URL that is not a Vimeo player', () => {
    for (const url of ['https://vimeo.com/76979871', 'https://player.vimeo.com/api/player.js', 'https://i.vimeocdn.com/video/1-d_640'])
      expect(vimeoEmbedUrl(url, BASE, undefined, false), url).toBeNull();
  });
});

describe('Google Maps embed URL', () => {
  it('keeps the Maps Embed API URL and the keyless form as written (a map has nothing to start)', () => {
    const v1 = 'https://www.google.com/maps/embed/v1/place?key=KEY&q=Space+Needle,Seattle+WA';
    expect(mapsEmbedUrl(v1, BASE, undefined)).toBe(v1);
    expect(mapsEmbedUrl('https://www.google.com/maps/embed?pb=!1m18', BASE, undefined)).toBe('https://www.google.com/maps/embed?pb=!1m18');
  });

  it('is null for other Google URLs', () => {
    for (const url of [
      'https://www.google.com/maps/place/x',
      'https://www.google.com/pagead/1',
      'https://www.google.com/maps/embedded',
      'https://maps.googleapis.com/maps/api/staticmap?x',
    ])
      expect(mapsEmbedUrl(url, BASE, undefined), url).toBeNull();
  });
});

describe('reach: a URL through hostBase', () => {
  it('reads the vendor host from a hostBase with text after {host}, and refuses a URL outside it', () => {
    const r = reach('https://proxy.test/v/player.vimeo.com/x/video/1?a=1', BASE, 'https://proxy.test/v/{host}/x');
    expect(r?.url.href).toBe('https://player.vimeo.com/video/1?a=1');
    expect(r?.back(r.url)).toBe('https://proxy.test/v/player.vimeo.com/x/video/1?a=1');
    expect(reach('https://proxy.test/v/player.vimeo.com/video/1', BASE, 'https://proxy.test/v/{host}/x')).toBeNull();
    expect(reach('https://other.test/v/player.vimeo.com/x/video/1', BASE, 'https://proxy.test/v/{host}/x')).toBeNull();
  });
});

describe('placeholder words (src/embed/texts.ts)', () => {
  it('name the video or map, its provider and privacy policy, and the two choices', () => {
    expect(embedTexts(youtube, 'en')).toEqual({
      name: 'Video from YouTube',
      about: youtube.summary,
      load: 'Load video',
      always: 'Always allow YouTube',
      policy: 'Google Ireland Limited privacy policy',
    });
    expect(embedTexts(googleMaps, 'en', '  Our shop  ')).toMatchObject({
      name: 'Our shop',
      load: 'Load map',
      always: 'Always allow Google Maps',
    });
  });

  it('a language is a table with the same keys; a missing language or key falls back to English', () => {
    const tables = { de: { loadVideo: 'Video laden' } };
    expect(tableFor('de-CH', tables).loadVideo).toBe('Video laden');
    expect(tableFor('de', tables).always).toBe(EMBED_TEXTS.en!.always);
    expect(tableFor('xx', tables)).toEqual(EMBED_TEXTS.en);
    expect(embedTexts(vimeo, 'ja').load).toBe('Load video');
  });

  it('every shipped language has every key, filled in, with the same {names} as English', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(EMBED_TEXTS).sort()).toEqual([...EMBED_LANGUAGES].sort());
    for (const lang of EMBED_LANGUAGES) {
      const table = EMBED_TEXTS[lang]!;
      expect(Object.keys(table).sort(), lang).toEqual(Object.keys(EMBED_TEXTS.en!).sort());
      for (const [key, text] of Object.entries(table)) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(names(text), `${lang}.${key}`).toEqual(names(EMBED_TEXTS.en![key as keyof typeof table]));
      }
      // a language other than English says it in its own words
      if (lang !== 'en') expect(table.loadVideo, lang).not.toBe(EMBED_TEXTS.en!.loadVideo);
    }
  });

  it('a page in a shipped language gets its words: by full tag, by primary subtag, Norwegian from nb and nn', () => {
    expect(embedTexts(youtube, 'de')).toMatchObject({ name: 'Video von YouTube', load: 'Video laden', always: 'YouTube immer erlauben' });
    expect(embedTexts(googleMaps, 'fr-CA').load).toBe('Charger la carte');
    expect(embedTexts(vimeo, 'sr-Cyrl').load).toBe(EMBED_TEXTS.sr_cyrl!.loadVideo);
    expect(embedTexts(vimeo, 'sr-Latn').load).toBe(EMBED_TEXTS.sr!.loadVideo);
    expect(embedTexts(vimeo, 'nb').load).toBe(EMBED_TEXTS.no!.loadVideo);
    expect(embedTexts(vimeo, 'nn-NO').load).toBe(EMBED_TEXTS.no!.loadVideo);
  });

  it('fill replaces known names only', () => {
    expect(fill('{title} by {provider} {other}', { title: 'A', provider: 'B' })).toBe('A by B {other}');
  });

  it('every English text is filled in', () => {
    for (const [key, text] of Object.entries(EMBED_TEXTS.en!)) expect(text.trim(), key).not.toBe('');
  });
});

describe('placeholder box (src/embed/box.ts)', () => {
  it('a laid-out inline frame: its border box in pixels, as an inline-block on the same baseline, with its margins', () => {
    expect(
      boxStyle(
        {
          width: 564,
          height: 319,
          display: 'inline',
          position: 'static',
          verticalAlign: 'baseline',
          float: 'none',
          margin: ['0px', '0px', '8px', '0px'],
        },
        16 / 9,
      ),
    ).toEqual({
      width: '564px',
      height: '319px',
      'max-width': '100%',
      display: 'inline-block',
      'vertical-align': 'baseline',
      'margin-top': '0px',
      'margin-right': '0px',
      'margin-bottom': '8px',
      'margin-left': '0px',
    });
  });

  it('a positioned frame filling its wrapper (the padding-top ratio pattern) fills it too', () => {
    const style = boxStyle(
      { width: 800, height: 450, display: 'block', position: 'absolute', inset: ['0px', '0px', '0px', '0px'], fills: true },
      16 / 9,
    );
    expect(style).toMatchObject({ position: 'absolute', top: '0px', left: '0px', width: '100%', height: '100%', display: 'block' });
    expect(style['max-width']).toBeUndefined();
  });

  it('a frame not laid out: its width and height attributes, else the vendor ratio across the width', () => {
    expect(boxStyle({ width: 0, height: 0, widthAttribute: '400', heightAttribute: '300' }, 4 / 3)).toMatchObject({
      width: '400px',
      height: '300px',
    });
    expect(boxStyle({ width: 0, height: 0, widthAttribute: '100%', heightAttribute: null }, 16 / 9)).toMatchObject({
      width: '100%',
      'aspect-ratio': String(16 / 9),
    });
    expect(boxStyle({ width: 0, height: 0, widthAttribute: 'wide', heightAttribute: '' }, 16 / 9)).toMatchObject({
      width: '100%',
      'aspect-ratio': String(16 / 9),
    });
  });

  it('attributeLength: digits are pixels, a percentage stays, anything else is none', () => {
    expect([
      attributeLength('560'),
      attributeLength(' 50% '),
      attributeLength('12.5'),
      attributeLength('10em'),
      attributeLength(null),
    ]).toEqual(['560px', '50%', '12.5px', null, null]);
  });
});

describe('which elements are embeds (src/embed/find.ts)', () => {
  const configured: EmbedVendor[] = embedVendors.map((vendor) => ({
    vendor,
    ctx: { vendor, options: {}, window, document } as unknown as VendorContext,
  }));
  const el = (markup: string) => {
    const box = document.createElement('div');
    box.innerHTML = markup;
    return box.firstElementChild!;
  };

  it('the markup form names its vendor; its URL is data-src', () => {
    const found = findEmbed(
      el('<iframe data-consent-gate="youtube" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>'),
      configured,
      BASE,
    );
    expect(found && { vendor: found.vendor.vendor.id, url: found.url, frame: found.frame }).toEqual({
      vendor: 'youtube',
      url: 'https://www.youtube-nocookie.com/embed/abc',
      frame: true,
    });
  });

  it('a frame held by the guard (data-cg-src) or loading (src) is found by its URL', () => {
    expect(findEmbed(el('<iframe data-cg-src="https://player.vimeo.com/video/1"></iframe>'), configured, BASE)?.vendor.vendor.id).toBe(
      'vimeo',
    );
    expect(
      findEmbed(el('<iframe src="https://www.google.com/maps/embed/v1/place?key=K&q=x"></iframe>'), configured, BASE)?.vendor.vendor.id,
    ).toBe('google-maps');
  });

  it('a box names its vendor, or is found by its data-src', () => {
    const named = findEmbed(
      el('<div data-consent-gate-embed="vimeo" data-src="https://player.vimeo.com/video/2"></div>'),
      configured,
      BASE,
    );
    expect(named && [named.vendor.vendor.id, named.frame]).toEqual(['vimeo', false]);
    expect(findEmbed(el('<div data-consent-gate-embed data-src="/v/x" ></div>'), configured, BASE)).toBeNull();
    expect(
      findEmbed(el('<div data-consent-gate-embed="" data-src="https://www.youtube.com/embed/z"></div>'), configured, BASE)?.vendor.vendor
        .id,
    ).toBe('youtube');
  });

  it('not ours: a frame of no embed vendor, a markup form of another vendor, a vendor not configured, a URL the named vendor does not embed', () => {
    expect(findEmbed(el('<iframe src="https://www.shop.test/frame.html"></iframe>'), configured, BASE)).toBeNull();
    expect(findEmbed(el('<iframe></iframe>'), configured, BASE)).toBeNull();
    expect(
      findEmbed(
        el('<iframe data-consent-gate="hubspot-conversations" data-src="https://js.usemessages.com/x"></iframe>'),
        configured,
        BASE,
      ),
    ).toBeNull();
    expect(
      findEmbed(
        el('<iframe src="https://player.vimeo.com/video/1"></iframe>'),
        configured.filter((v) => v.vendor.id !== 'vimeo'),
        BASE,
      ),
    ).toBeNull();
    expect(
      findEmbed(el('<iframe data-consent-gate="youtube" data-src="https://player.vimeo.com/video/1"></iframe>'), configured, BASE),
    ).toBeNull();
  });

  it("the site's own poster is used; one from a vendor's image host never is", () => {
    expect(posterOf(el('<iframe data-poster="/img/workshop.jpg"></iframe>'), configured, BASE)).toBe(
      'https://www.shop.test/img/workshop.jpg',
    );
    expect(posterOf(el('<iframe data-poster="https://i.ytimg.com/vi/abc/hqdefault.jpg"></iframe>'), configured, BASE)).toBeNull();
    expect(posterOf(el('<iframe data-poster="https://i.vimeocdn.com/video/1-d_640"></iframe>'), configured, BASE)).toBeNull();
    expect(posterOf(el('<iframe data-poster="javascript:alert(1)"></iframe>'), configured, BASE)).toBeNull();
    expect(posterOf(el('<iframe></iframe>'), configured, BASE)).toBeNull();
  });
});

describe('the embed vendors in the catalog', () => {
  it('are in the catalog as embeds, functional, each host and row sourced', () => {
    for (const vendor of embedVendors) {
      expect(catalog.map((v) => v.id)).toContain(vendor.id);
      expect(vendor.kind).toBe('embed');
      expect(vendor.purpose).toBe('functional');
      expect(vendor.embed?.ratio).toBeGreaterThan(0);
      expect(typeof vendor.adapter.embedUrl).toBe('function');
      for (const row of [...vendor.hosts, ...(vendor.thirdParty ?? [])]) {
        expect(row.source.length, `${vendor.id}: ${JSON.stringify(row)}`).toBeGreaterThan(20);
        expect(row.description.length).toBeGreaterThan(10);
      }
      // nothing of theirs lives on the site's own domain (tag-facts §12)
      expect(vendor.cookies).toEqual([]);
      expect(vendor.storage).toEqual([]);
    }
  });

  it("the guard holds their frames, images and scripts by host; their third-party names are never matched against the site's cookies", () => {
    const rules = compileRules(catalog);
    expect(matchUrl(rules, 'https://www.youtube-nocookie.com/embed/abc')).toEqual({ v: 'youtube', p: 'functional' });
    expect(matchUrl(rules, 'https://www.youtube.com/embed/abc')).toEqual({ v: 'youtube', p: 'marketing' });
    expect(matchUrl(rules, 'https://i.ytimg.com/vi/abc/hqdefault.jpg')).toEqual({ v: 'youtube', p: 'functional' });
    expect(matchUrl(rules, 'https://player.vimeo.com/video/1?dnt=1')).toEqual({ v: 'vimeo', p: 'functional' });
    expect(matchUrl(rules, 'https://i.vimeocdn.com/video/1-d_640')).toEqual({ v: 'vimeo', p: 'functional' });
    expect(matchUrl(rules, 'https://www.google.com/maps/embed/v1/place?key=K')).toEqual({ v: 'google-maps', p: 'functional' });
    expect(matchUrl(rules, 'https://maps.googleapis.com/maps/api/staticmap?center=x')).toEqual({ v: 'google-maps', p: 'functional' });
    expect(matchUrl(rules, 'https://www.google.com/search?q=x')).toBeNull();
    for (const name of ['NID', 'vuid', 'VISITOR_INFO1_LIVE', 'YSC', 'player']) expect(matchCookie(rules, name), name).toBeNull();
  });

  it('a config naming them resolves them as embeds', () => {
    const config = resolveConfig({ vendors: { youtube: true, vimeo: {}, 'google-maps': { hostBase: '/vendor/{host}' } } }, catalog);
    expect(config.vendors.map((v) => [v.id, v.kind, v.purpose])).toEqual([
      ['youtube', 'embed', 'functional'],
      ['vimeo', 'embed', 'functional'],
      ['google-maps', 'embed', 'functional'],
    ]);
    expect(() => resolveConfig({ vendors: { vimeo: { hostBase: 'nope' } } }, catalog)).toThrow(/vendors\.vimeo\.hostBase/);
  });

  it('the declaration lists what they keep on their own domains and frames, where it lives', () => {
    const { disclosures } = declarationEntries({ vendors: embedVendors, siteHost: 'www.shop.test', siteDomain: 'shop.test' });
    const row = (vendor: string, id: string) => disclosures.find((d) => d.vendor === vendor && d.identifier === id);
    expect(row('youtube', 'yt-remote-*')).toMatchObject({
      type: 'web',
      storage: 'local',
      domains: ['www.youtube-nocookie.com'],
      purposes: ['functional'],
      lifetime: 'until removed',
    });
    expect(row('youtube', 'ytidb*')).toMatchObject({ type: 'web', storage: 'indexeddb', domains: ['www.youtube-nocookie.com'] });
    expect(row('youtube', 'VISITOR_INFO1_LIVE')).toMatchObject({
      type: 'cookie',
      domains: ['.youtube.com'],
      purposes: ['marketing'],
      lifetime: '6 months',
    });
    expect(row('vimeo', 'vuid')).toMatchObject({ type: 'cookie', domains: ['.vimeo.com'], purposes: ['analytics'], lifetime: '2 years' });
    expect(row('google-maps', 'NID')).toMatchObject({ type: 'cookie', domains: ['.google.com'], lifetime: '6 months' });
    const html = renderDeclaration('html', { vendors: embedVendors, siteHost: 'www.shop.test', siteDomain: 'shop.test' });
    expect(html).toContain('<td>Cookie<br><small>.google.com</small></td>');
    expect(html).toContain('IndexedDB<br><small>www.youtube-nocookie.com</small>');
    expect(renderDeclaration('md', { vendors: [youtube] })).toContain('| `ytidb*` | IndexedDB |');
  });
});
