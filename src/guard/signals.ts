/**
 * Consent signals: the consent state a vendor's own code reads from a global
 * queue (Google Consent Mode on `dataLayer`, Microsoft UET's consent mode on
 * `uetq`, HubSpot's `setHubSpotConsent` on `_hsp`), as data in the rule
 * table (`g`, see CompiledSignal in rules.ts): the guard carries no vendor
 * code. Written before any tag can run (`default`, with the record's decision
 * already in it when there is one, after the signal's globals such as
 * `disableHubSpotCookieBanner`), and again whenever the runtime's permission
 * changes the state (`update`; a command without `{phase}` is pushed again as
 * it is). A Google tag that loads after the visitor chose starts from the
 * choice, as on the next page: until gtag.js has read `dataLayer`, an update
 * fills the default it will read too.
 *
 * Google's signal (style `gtag`) goes through `window.gtag`, defined only if
 * the page has none as Google's snippet defines it (push `arguments` onto
 * `dataLayer`), and takes the config's `consentMode`: `types` over the
 * signal's own purposes; `region` and `waitForUpdate` in the default command
 * (as `region` and `wait_for_update`); `adsDataRedaction` and
 * `urlPassthrough` as `gtag('set', 'ads_data_redaction' | 'url_passthrough', …)`
 * after it. (Google's consent guide: the default must come before any command
 * that sends measurement data, such as `config`.)
 */
import { granted, rules } from './decide.js';
import { PURPOSES } from './rules.js';
import type { Any } from './patch.js';

/** The state each signal last pushed (as JSON), by its index: an unchanged state is not pushed again. */
const last: string[] = [];
/** The state each signal's default carries (Google's: filled in place while no gtag.js has read dataLayer). */
const first: Any[] = [];

/** Push every signal's command for `phase` (`default` first, then `update`), in window `win`; never throws. */
export function signal(win: Any, phase: string, consentMode?: Any): void {
  try {
    rules.g?.forEach(([vendors, queue, style, command, types, values, globals], i) => {
      const v = rules.v[parseInt(vendors[0]!, 36)]![0];
      const google = style === 'g';
      const state: Any = { ...types, ...(google && consentMode?.types) };
      // a purpose the permission grants, or 'granted'; anything else ('denied' among them) is denied
      for (const type in state)
        state[type] = values[state[type] === 'granted' || (PURPOSES.includes(state[type]) && granted({ v, p: state[type] })) ? 0 : 1];
      // (the default is the first push: nothing to compare with)
      const json = JSON.stringify(state);
      if (json === last[i]) return;
      last[i] = json;
      const queued = (win[queue] ||= []);
      // gtag.js held back until now reads dataLayer from its start and sends the snippet's `config` as it reaches it, before the
      // update after it: while no gtag.js has taken the queue over (its own `push`), the default it will read carries the change too
      // (the default is the state filled: its own push sets it)
      if (google && queued.push === [].push) Object.assign((first[i] ||= state), state);
      const commands: Any[][] = [[...command.map((word) => (word === '{phase}' ? phase : word)), state]];
      if (phase === 'default') {
        Object.assign(win, globals);
        // Google's settings: `waitForUpdate` is `wait_for_update` in the default, a boolean a `set` command
        if (google) {
          for (const key in consentMode) {
            const name = key.replace(/[A-Z]/g, (letter) => '_' + letter.toLowerCase());
            const value = consentMode[key];
            if (key !== 'types') typeof value === 'boolean' ? commands.push(['set', name, value]) : (state[name] = value);
          }
        }
      }
      // (Google's snippet: `function gtag(){dataLayer.push(arguments);}`)
      if (google)
        win.gtag ||= function () {
          // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
          win[queue].push(arguments);
        };
      // gtag: each command a call; list: each command one array; args: each value an argument
      for (const args of commands) google ? win.gtag(...args) : queued.push(...(style === 'l' ? [args] : args));
    });
  } catch {
    // a page that made the queue something else keeps it; the guard goes on
  }
}
