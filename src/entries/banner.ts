/**
 * The drop-in banner file (`dist/consent-gate-banner.js`): an ES module the
 * runtime imports when a banner or the settings panel must show. Its
 * languages are the files `consent-gate-banner-<lang>.js` beside it.
 */
export { mountBanner } from '../ui/banner.js';
