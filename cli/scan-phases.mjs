/**
 * The scanner's three phases on one page: a. before consent (load, touch
 * nothing), b. after accepting all, c. after withdrawing and a reload. The
 * second and third are one step (`decisionPhase`) told which way to decide.
 */
import { UsageError } from './errors.mjs';

const ACCEPT = [
  /^\s*accept all( cookies)?\s*$/i,
  /^\s*allow all( cookies)?\s*$/i,
  /^\s*(accept|accept cookies|allow cookies|i accept)\s*$/i,
  /^\s*(agree|i agree|agree and close|ok|got it)\s*$/i,
];
const REJECT = [
  /^\s*reject all( cookies)?\s*$/i,
  /^\s*(reject|decline|deny|refuse)( all| cookies)?\s*$/i,
  /^\s*(only necessary|necessary only|accept only necessary)( cookies)?\s*$/i,
];
const PURPOSES = ['functional', 'analytics', 'marketing'];
/** How long a page may take to load (and to reload) before the scan gives up on it. */
const LOAD_MS = 60_000;

/** How the scanner accepts all (phase b) and withdraws (phase c). */
const DECISIONS = {
  accept: {
    id: 'after-accept',
    title: 'phase b: accepting all …',
    method: 'grant',
    buttons: ACCEPT,
    missing: 'found no consentGate API and no accept button; observed without accepting',
    note: 'no way to accept was found: phase b shows the page as it was',
    reload: false,
    done: (what) => `${what}, then waited until the network was quiet`,
  },
  withdraw: {
    id: 'after-withdrawal',
    title: 'phase c: withdrawing consent and reloading …',
    method: 'revoke',
    buttons: REJECT,
    missing: 'found no consentGate API and no reject button; reloaded without withdrawing',
    note: 'no way to withdraw was found: phase c shows the page after a reload only, and no withdrawal verdicts were drawn',
    reload: true,
    done: (what) => `${what}, waited, reloaded the page and waited until the network was quiet (requests counted from the reload on)`,
  },
};

/** Whether the page runs consent-gate's API (not just the queue the guard sets up). */
async function consentApi(page) {
  try {
    return await page.evaluate(() => {
      const g = window.consentGate;
      return !!g && !Array.isArray(g) && typeof g.grant === 'function' && typeof g.revoke === 'function';
    });
  } catch {
    return false;
  }
}

/** Click the first visible button or link named like one of `patterns`, in any frame; what was clicked, or null. */
async function clickButton(page, patterns) {
  for (const pattern of patterns) {
    for (const frame of page.frames()) {
      for (const role of ['button', 'link']) {
        const candidates = frame.getByRole(role, { name: pattern });
        const count = await candidates.count().catch(() => 0);
        for (let i = 0; i < count; i++) {
          const el = candidates.nth(i);
          if (!(await el.isVisible().catch(() => false))) continue;
          const text = ((await el.textContent().catch(() => '')) || '').trim();
          try {
            await el.click({ timeout: 3000 });
            return `clicked the ${role} "${text}"${frame === page.mainFrame() ? '' : ` in frame ${frame.url()}`}`;
          } catch {
            // covered or detached: try the next one
          }
        }
      }
    }
  }
  return null;
}

/** Decide through consent-gate's API, else a button; what was done, and whether anything was. */
async function decide(page, decision) {
  if (await consentApi(page)) {
    await page.evaluate(([method, purposes]) => window.consentGate[method](...purposes), [decision.method, PURPOSES]);
    return { what: `called consentGate.${decision.method}(${PURPOSES.map((p) => `'${p}'`).join(', ')})`, performed: true };
  }
  const clicked = await clickButton(page, decision.buttons);
  return clicked ? { what: clicked, performed: true } : { what: decision.missing, performed: false };
}

/** Phase a: load `url` on the fresh profile and wait until the network is quiet. Returns the observation and the HTML response. */
async function beforeConsent(page, recorder, url, log) {
  log('phase a: loading without any interaction …');
  recorder.phase = 'before-consent';
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: LOAD_MS });
  } catch (error) {
    throw new UsageError(`could not load ${url}: ${error.message.split('\n')[0]}`, { usage: false });
  }
  await recorder.waitQuiet();
  const observation = await recorder.snapshot(
    page,
    'before-consent',
    'loaded the page on a fresh profile and waited until the network was quiet; nothing clicked',
  );
  return { observation, response };
}

/** Phase b or c: decide, wait, (reload,) and take the snapshot. */
async function decisionPhase(page, recorder, decision, { log, notes }) {
  log(decision.title);
  // requests until the reload belong to no phase of their own when the phase ends with one
  recorder.phase = decision.reload ? 'between' : decision.id;
  const { what, performed } = await decide(page, decision);
  if (!performed) notes.push(decision.note);
  log(`  ${what}`);
  await page.waitForLoadState('load').catch(() => undefined);
  await recorder.waitQuiet();
  if (decision.reload) {
    recorder.phase = decision.id;
    await page
      .reload({ waitUntil: 'load', timeout: LOAD_MS })
      .catch((error) => notes.push(`reload after withdrawal failed: ${error.message.split('\n')[0]}`));
    await recorder.waitQuiet();
  }
  return recorder.snapshot(page, decision.id, decision.done(what), performed);
}

/**
 * The three phases on `page`. `after(observation)` runs after each snapshot
 * (the scanner logs it and takes the screenshot). Returns the observations
 * and the HTML the browser received for the page, with its URL.
 */
export async function runPhases(page, recorder, { url, log, notes, after }) {
  const { observation: before, response } = await beforeConsent(page, recorder, url, log);
  await after(before);
  // the page's HTML as served (after any redirect): what the preload scanner read
  const html = (await response?.text().catch(() => null)) ?? null;
  const htmlUrl = response?.url() ?? url;
  const accepted = await decisionPhase(page, recorder, DECISIONS.accept, { log, notes });
  await after(accepted);
  const withdrawn = await decisionPhase(page, recorder, DECISIONS.withdraw, { log, notes });
  await after(withdrawn);
  return { phases: [before, accepted, withdrawn], html, htmlUrl };
}
