// @vitest-environment node
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { minGzipSize } from '../../bench/size.mjs';

const file = join(__dirname, '../../dist/consent-gate-guard.js');

describe('guard size budget', () => {
  it('dist/consent-gate-guard.js with the HubSpot rules is at most 3 KB min+gzip', async () => {
    expect(existsSync(file), 'build first: npm run build').toBe(true);
    const size = await minGzipSize(file);
    console.log(`consent-gate-guard.js: ${size.min} B min, ${size.gzip} B min+gzip`);
    expect(size.gzip).toBeLessThanOrEqual(3072);
  });
});
