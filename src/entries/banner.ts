/** Drop-in banner file (`dist/consent-gate-banner.js`): registers the banner for the runtime. */
import { mountBanner } from '../ui/banner.js';
import { BANNER_GLOBAL } from '../ui/banner-types.js';

(window as unknown as Record<string, unknown>)[BANNER_GLOBAL] = { mountBanner };
