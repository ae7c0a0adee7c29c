/** Drop-in banner file (`dist/consent-gate-banner.js`): registers the banner as the runtime's `banner` part. */
import { mountBanner } from '../ui/banner.js';
import { PARTS_GLOBAL } from '../parts.js';

const w = window as unknown as Record<string, Record<string, unknown> | undefined>;
(w[PARTS_GLOBAL] ||= {}).banner = { mountBanner };
