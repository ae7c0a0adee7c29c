/**
 * Options every chat vendor accepts, for the launcher, the prompt and the
 * runtime. A chat vendor spreads `chatOptionSpecs` into its `options` so
 * config validation knows them; the chat feature reads them with defaults.
 */
import type { OptionSpec, VendorOptions } from './types.js';
import { checkShow, type ChatShow } from './chat-show.js';

export interface ChatOptions {
  /** Render consent-gate's own launcher. Default: true, unless the page marks its own element with `data-consent-gate-chat`. */
  launcher?: boolean;
  /** Corner of the launcher. Default `bottom-right` (the banner sits bottom left, so they never overlap). */
  position?: 'bottom-right' | 'bottom-left';
  /** Accessible name (and visible text of the inline placeholder). Default "Chat with us" (src/chat/texts.ts). */
  label?: string;
  /** Launcher background colour (any CSS colour). */
  color?: string;
  /** Launcher icon colour. */
  textColor?: string;
  /** `click` (default): load on the visitor's click. `consent`: load as soon as consent is there. */
  loadOn?: 'click' | 'consent';
  /** `prompt` (default): a click without consent asks first. `click`: the click is the consent (the button must say so). */
  consentOnClick?: 'prompt' | 'click';
  /** Milliseconds to wait for the chat before showing the failure state. Default 15000. */
  timeout?: number;
  /** Where to send visitors when the chat cannot load, e.g. `mailto:help@shop.example`. */
  fallbackUrl?: string;
  /** Text of the fallback link. Default "Email us instead" (src/chat/texts.ts). */
  fallbackLabel?: string;
  /** Reload the page after a revocation for a clean slate. Default false. */
  reloadOnRevoke?: boolean;
  /** Height in px of the inline placeholder (match the height you give the embedded chat). Default 500. */
  placeholderHeight?: number;
  /** Where, to whom and when the chat appears (targeting rules, audience, business hours): see ./chat-show.ts. Default: every page, every visitor, always. */
  show?: ChatShow;
}

const CSS_COLOUR = /^[#a-zA-Z0-9(),.%\s-]{1,64}$/;

export const chatOptionSpecs: Readonly<Record<keyof ChatOptions, OptionSpec>> = {
  launcher: { type: 'boolean' },
  position: { type: 'string', oneOf: ['bottom-right', 'bottom-left'] },
  label: { type: 'string', pattern: /^.{1,120}$/, expected: 'a text of 1 to 120 characters' },
  color: { type: 'string', pattern: CSS_COLOUR, expected: 'a CSS colour such as "#1b4f9c"' },
  textColor: { type: 'string', pattern: CSS_COLOUR, expected: 'a CSS colour such as "#ffffff"' },
  loadOn: { type: 'string', oneOf: ['click', 'consent'] },
  consentOnClick: { type: 'string', oneOf: ['prompt', 'click'] },
  timeout: { type: 'number', expected: 'milliseconds, a number such as 15000' },
  fallbackUrl: { type: 'string', pattern: /^(https?:|mailto:|tel:|\/)/, expected: 'a URL starting with https:, http:, mailto:, tel: or /' },
  fallbackLabel: { type: 'string', pattern: /^.{1,120}$/, expected: 'a text of 1 to 120 characters' },
  reloadOnRevoke: { type: 'boolean' },
  placeholderHeight: { type: 'number', expected: 'a height in px, such as 500' },
  show: { type: 'object', expected: 'an object with urls, audience, hours or appearWithin', check: checkShow },
};

export interface ResolvedChatOptions {
  launcher: boolean | undefined;
  position: 'bottom-right' | 'bottom-left';
  /** undefined: the chat's own text (src/chat/texts.ts) */
  label: string | undefined;
  color: string;
  textColor: string;
  loadOn: 'click' | 'consent';
  consentOnClick: 'prompt' | 'click';
  timeout: number;
  fallbackUrl: string | undefined;
  /** undefined: the chat's own text (src/chat/texts.ts) */
  fallbackLabel: string | undefined;
  reloadOnRevoke: boolean;
  placeholderHeight: number;
  show: ChatShow | undefined;
}

/** Chat options with defaults applied (validation already ran in config). */
export function chatOptionsOf(options: VendorOptions): ResolvedChatOptions {
  const o = options as ChatOptions;
  const timeout = typeof o.timeout === 'number' && o.timeout > 0 ? o.timeout : 15000;
  return {
    launcher: o.launcher,
    position: o.position ?? 'bottom-right',
    label: o.label,
    color: o.color ?? '#1b4f9c',
    textColor: o.textColor ?? '#ffffff',
    loadOn: o.loadOn ?? 'click',
    consentOnClick: o.consentOnClick ?? 'prompt',
    timeout,
    fallbackUrl: o.fallbackUrl,
    fallbackLabel: o.fallbackLabel,
    reloadOnRevoke: o.reloadOnRevoke === true,
    placeholderHeight: typeof o.placeholderHeight === 'number' && o.placeholderHeight > 0 ? o.placeholderHeight : 500,
    show: o.show,
  };
}
