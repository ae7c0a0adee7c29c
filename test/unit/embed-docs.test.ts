// @vitest-environment node
/**
 * docs/vendors/<id>.md of each embed vendor holds every host and every
 * third-party row of its catalog entry, exactly as the entry says it (name,
 * purpose, lifetime, where, description, source): a change to the entry
 * without its page fails here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import youtube from '../../vendors/youtube';
import vimeo from '../../vendors/vimeo';
import googleMaps from '../../vendors/google-maps';
import { durationInWords } from '../../src/contract/time';
import type { VendorData } from '../../src/types';

const ROOT = resolve(__dirname, '../..');
const cell = (text: string) => text.replace(/\|/g, '\\|');
const lifetime = (seconds: number, web: boolean) => (seconds > 0 ? durationInWords(seconds, 'exact') : web ? 'until removed' : 'session');
const type = (t: string) => (t === 'cookie' ? 'cookie' : t === 'indexeddb' ? 'IndexedDB' : `${t}Storage`);

describe.each([youtube, vimeo, googleMaps] as VendorData[])('docs/vendors/$id.md', (vendor) => {
  const page = readFileSync(join(ROOT, 'docs/vendors', `${vendor.id}.md`), 'utf8');

  it('names the vendor, its kind and purpose', () => {
    expect(page).toContain(`Vendor id \`${vendor.id}\` · an embed · purpose **${vendor.purpose}**`);
  });

  it('lists every host as the catalog entry says it', () => {
    for (const h of vendor.hosts)
      expect(page).toContain(`| \`${h.host}${h.path ?? ''}\` | ${h.purpose} | ${cell(h.description)} | ${cell(h.source)} |`);
  });

  it('lists everything the vendor keeps on its own domain or in its frame', () => {
    expect(vendor.thirdParty?.length).toBeGreaterThan(0);
    for (const t of vendor.thirdParty ?? []) {
      const row = `| \`${t.name}${t.match === 'prefix' ? '*' : ''}\` | ${type(t.type)} | ${t.purpose} | ${lifetime(t.lifetime, t.type !== 'cookie')} | ${t.domain} | ${cell(t.description)} | ${cell(t.source)} |`;
      expect(page).toContain(row);
    }
  });
});
