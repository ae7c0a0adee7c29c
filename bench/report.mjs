// Renders bench/results/latest.json as Markdown (bench/results/latest.md).
import { GUARD } from './lib/pages.mjs';

const kb = (n) => (typeof n === 'number' ? `${(n / 1000).toFixed(1)} kB` : '–');
const ms = (s) => (s && typeof s.median === 'number' ? `${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)})` : '–');
const x = (s) => (s && typeof s.median === 'number' ? `×${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '–');
const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a, b) => (b ? `×${(a / b).toFixed(2)}` : '–');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Where consent-gate loses, from the numbers themselves. */
export function losses(r) {
  const out = [];
  const peers = Object.fromEntries((r.bytes?.peers ?? []).map((p) => [p.name, p]));
  const pages = r.bytes?.pages;
  if (pages && !pages.notMeasured) {
    const [first, returning, facade] = Object.values(pages);
    for (const name of ['klaro', 'vanilla-cookieconsent', 'tarteaucitron.js']) {
      const p = peers[name];
      if (p && first.total > p.total) out.push(`Bytes, first visit: consent-gate sends ${kb(first.total)} (guard + runtime + banner), ${name} ${kb(p.total)} (${ratio(first.total, p.total)}).`);
      if (p && returning.total > p.total) out.push(`Bytes, returning visitor: consent-gate sends ${kb(returning.total)} (guard + runtime), ${name} ${kb(p.total)} for its whole banner (${ratio(returning.total, p.total)}).`);
    }
    const rl = peers['react-live-chat-loader'];
    if (rl && facade.total > rl.total) out.push(`Bytes, chat facade: consent-gate's page sends ${kb(facade.total)} (the facade comes with the consent runtime), react-live-chat-loader's HubSpot facade ${kb(rl.total)} without React itself and without any consent handling (${ratio(facade.total, rl.total)}).`);
    const yett = peers.yett;
    const guard = (r.bytes?.dist ?? []).find((d) => d.file === `dist/${GUARD}`);
    if (yett && guard && guard.gzip > yett.total) out.push(`Bytes, head script: consent-gate's guard is ${kb(guard.gzip)}, yett ${kb(yett.total)} (${ratio(guard.gzip, yett.total)}); yett blocks scripts only, no cookies, storage or requests.`);
  }
  const g = r.guardOverhead?.variants;
  if (g) {
    const cg = g['consent-gate guard'];
    const y = g.yett;
    const mix = r.guardOverhead.mix;
    const n = (v) => v.toLocaleString('en-US');
    for (const [key, label] of [['cookieWritesRatio', `${n(r.guardOverhead.cookieWrites)} cookie writes`], ['cookieReadsRatio', `${n(r.guardOverhead.cookieReads)} cookie reads`], ['divsRatio', `inserting ${n(mix.div)} divs`], ['imagesRatio', `inserting ${n(mix.img)} images`], ['scriptsRatio', `inserting ${n(mix.script)} scripts`], ['iframesRatio', `inserting ${n(mix.iframe)} iframes`], ['elementsRatio', 'inserting all 10,000 elements'], ['totalRatio', 'the whole workload']]) {
      if (cg?.[key] && y?.[key] && cg[key].median > y[key].median * 1.05) out.push(`Guard overhead, ${label}: consent-gate ${x(cg[key])} of no guard, yett ${x(y[key])}.`);
    }
  }
  const c = r.pageCost?.variants;
  if (c) {
    const hs = c['HubSpot standard embed'];
    const cg = c['consent-gate facade'];
    for (const key of ['requests', 'bytes', 'longTaskMs', 'cls']) if (cg?.[key] && hs?.[key] && cg[key].median > hs[key].median) out.push(`Page cost before the click, ${key}: consent-gate ${cg[key].median}, HubSpot's embed ${hs[key].median}.`);
  }
  for (const [name, s] of Object.entries(r.receiptsLoad?.stores ?? {})) {
    if (s.missing > 0) out.push(`Receipts on ${name}: ${s.missing} of ${s.checked} acknowledged receipts missing after kill -9.`);
    if (s.timedOut) out.push(`Receipts on ${name}: ${s.acknowledged} of ${s.receipts} receipts acknowledged within the ${r.receiptsLoad.limitS} s limit.`);
  }
  if (r.clickToOpen?.variants) out.push("Click to open: HubSpot's standard embed has the widget loaded before the click, so its first open needs no download; consent-gate loads the chat on the click (section 4), which is the price of sending nothing to HubSpot before it.");
  return out;
}

/** The short table the README quotes. */
export function summaryLines(r) {
  const peers = Object.fromEntries((r.bytes?.peers ?? []).map((p) => [p.name, p.total]));
  const pages = r.bytes?.pages && !r.bytes.pages.notMeasured ? Object.values(r.bytes.pages) : null;
  const guard = (r.bytes?.dist ?? []).find((d) => d.file === `dist/${GUARD}`)?.gzip;
  const rows = [];
  if (pages) {
    rows.push(['bytes, first visit (banner shown)', kb(pages[0].total), `klaro ${kb(peers.klaro)} · vanilla-cookieconsent ${kb(peers['vanilla-cookieconsent'])} · tarteaucitron.js ${kb(peers['tarteaucitron.js'])}`]);
    rows.push(['bytes, returning visitor with a decision', kb(pages[1].total), 'the same files as on a first visit, for each peer above']);
    rows.push(['bytes, chat facade before the click', `${kb(pages[2].total)} (consent runtime included)`, `react-live-chat-loader ${kb(peers['react-live-chat-loader'])} (+ React, no consent handling)`]);
  }
  if (guard) rows.push(['bytes, head guard', kb(guard), `yett ${kb(peers.yett)} (scripts only)`]);
  const g = r.guardOverhead?.variants;
  if (g) rows.push(['guard overhead, whole workload, ÷ no guard', x(g['consent-gate guard'].totalRatio), `yett ${x(g.yett.totalRatio)}`]);
  if (g) rows.push(['guard overhead, inserting 10,000 elements, ÷ no guard', x(g['consent-gate guard'].elementsRatio), `yett ${x(g.yett.elementsRatio)}`]);
  const c = r.pageCost?.variants;
  if (c) {
    const hs = c['HubSpot standard embed'];
    const cg = c['consent-gate facade'];
    rows.push(['before the click: requests / bytes', `${cg.requests.median} / ${kb(cg.bytes.median)}`, `HubSpot standard embed ${hs.requests.median} / ${kb(hs.bytes.median)}`]);
    rows.push(['before the click: long-task time / CLS', `${fmt(cg.longTaskMs.median)} ms / ${cg.cls.median.toFixed(3)}`, `HubSpot standard embed ${fmt(hs.longTaskMs.median)} ms / ${hs.cls.median.toFixed(3)} (emulated scripts do no real work)`]);
  }
  const k = r.clickToOpen?.variants;
  if (k) rows.push(['click → `widgetLoaded` (consent given / in the prompt)', `${fmt(k['consent already given'].clickToWidgetLoadedMs.median)} ms / ${fmt(k['consent given in the prompt'].clickToWidgetLoadedMs.median)} ms`, 'HubSpot standard embed: loaded before the click']);
  for (const [name, s] of Object.entries(r.receiptsLoad?.stores ?? {})) {
    if (s.throughput) rows.push([`receipts receiver on ${name}: receipts/s, p99, missing after kill -9`, `${s.throughput.toLocaleString('en-US')}/s, ${fmt(s.latencyMs.p99)} ms, ${s.missing} of ${s.checked.toLocaleString('en-US')}`, '–']);
  }
  return ['## Summary', '', table(['', 'consent-gate', 'peers'], rows), ''];
}

export function renderMarkdown(r) {
  const m = r.machine;
  const lines = [];
  lines.push('# consent-gate benchmark results', '');
  lines.push(`Run on ${r.date.slice(0, 10)} (${r.date}), ${m.nproc} cores (\`nproc\`), ${m.cpu}, Chromium ${m.chromium}, Node ${m.node}, ${m.platform}, commit ${m.commit}. ${r.runs} run${r.runs === 1 ? '' : 's'} per variant, variants alternated run by run; timings as median (min–max). Load average (1, 5, 15 min) at start ${m.loadAtStart?.join(', ')}, at end ${m.loadAtEnd?.join(', ')}: other work on the machine shows up as spread between min and max. Whole run: ${r.durationS} s. Regenerate with \`npm run bench\`; method in [README.md, Performance](../../README.md#performance).`, '');

  lines.push(...summaryLines(r));
  lines.push('## 1. Bytes (min+gzip)', '');
  lines.push('Each file minified with terser and gzipped at level 9 (`bench/size.mjs`).', '');
  lines.push(table(['our file', 'raw', 'min', 'min+gzip'], (r.bytes?.dist ?? []).map((d) => [`\`${d.file}\``, d.raw, d.min, `**${d.gzip}**`])), '');
  const pages = r.bytes?.pages;
  if (pages?.notMeasured) lines.push(`Page cases: not measured: ${pages.notMeasured}`, '');
  else if (pages) {
    lines.push('What a page fetches of ours, found by opening it in Chromium:', '');
    lines.push(table(['page', 'files fetched', 'min+gzip', 'vendor requests'], Object.entries(pages).map(([k, p]) => [k, p.files.map((f) => `\`${f.file.replace('dist/', '')}\` ${p.files.length > 1 ? f.gzip : ''}`.trim()).join(' + '), `**${kb(p.total)}**`, p.otherHostRequests])), '');
  }
  lines.push('Peers, measured the same way (stylesheets: gzip only):', '');
  lines.push(table(['peer', 'what it is', 'files', 'min+gzip'], (r.bytes?.peers ?? []).map((p) => [`${p.name} ${p.version}`, p.role, p.parts.map((f) => `\`${f.file.replace(/^node_modules\//, '')}\` ${f.gzip}`).join(' + '), `**${kb(p.total)}**`])), '');

  lines.push('## 2. Guard overhead (Chromium)', '');
  const g = r.guardOverhead;
  if (g?.notMeasured) lines.push(`Not measured: ${g.notMeasured}`, '');
  else if (g) {
    const c3 = (v) => v.toLocaleString('en-US');
    lines.push(`A page makes ${c3(g.cookieWrites)} \`document.cookie\` writes and ${c3(g.cookieReads)} reads, then inserts ${c3(g.mix.div)} divs, ${c3(g.mix.img)} images, ${c3(g.mix.script)} scripts and ${c3(g.mix.iframe)} iframes, all of non-vendor hosts, one \`appendChild\` at a time. Everything but the cookie reads runs ${g.repeat} times in the page and the fastest repetition counts. Ratio: variant ÷ no guard of the same round.`, '');
    const n = (v) => v.toLocaleString('en-US');
    const phases = [
      [`${n(g.cookieWrites)} cookie writes`, 'cookieWritesMs', 'cookieWritesRatio'],
      [`${n(g.cookieReads)} cookie reads`, 'cookieReadsMs', 'cookieReadsRatio'],
      [`${n(g.mix.div)} divs`, 'divsMs', 'divsRatio'],
      [`${n(g.mix.img)} images`, 'imagesMs', 'imagesRatio'],
      [`${n(g.mix.script)} scripts`, 'scriptsMs', 'scriptsRatio'],
      [`${n(g.mix.iframe)} iframes`, 'iframesMs', 'iframesRatio'],
      ['all 10,000 elements', 'elementsMs', 'elementsRatio'],
      ['whole workload', 'totalMs', 'totalRatio'],
    ];
    lines.push(table(['phase', ...Object.keys(g.variants).flatMap((v) => (v === 'no guard' ? [v] : [v, `${v} ratio`]))], phases.map(([label, msKey, rKey]) => [label, ...Object.entries(g.variants).flatMap(([v, s]) => (v === 'no guard' ? [ms(s[msKey])] : [ms(s[msKey]), `**${x(s[rKey])}**`]))])), '');
  }

  lines.push('## 3. Page cost before the first click (Chromium)', '');
  const c = r.pageCost;
  if (c?.notMeasured) lines.push(`Not measured: ${c.notMeasured}`, '');
  else if (c) {
    const hs = c.variants['HubSpot standard embed'];
    const cg = c.variants['consent-gate facade'];
    lines.push(`From navigation to the load event plus ${c.idleMs / 1000} s idle. HubSpot's standard embed against consent-gate's facade for a returning visitor who allowed the chat earlier (consent-gate still loads nothing of HubSpot before the click).`, '');
    const row = (label, key, f = (s) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`) => [label, f(hs[key]), f(cg[key]), hs[key].median ? ratio(cg[key].median, hs[key].median) : '–'];
    lines.push(table(['metric', 'HubSpot standard embed', 'consent-gate facade', 'facade ÷ embed'], [
      row('requests', 'requests'),
      row('of them to HubSpot hosts', 'vendorRequests'),
      row('bytes transferred', 'bytes', (s) => kb(s.median)),
      row('of them from HubSpot hosts', 'vendorBytes', (s) => kb(s.median)),
      row('long tasks', 'longTasks'),
      row('long-task time (ms)', 'longTaskMs'),
      row('blocking time over 50 ms (ms)', 'blockingMs'),
      row('cumulative layout shift', 'cls', (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`),
    ]), '');
    lines.push(`Caveat: ${c.note}.`, '');
    lines.push('Sizes the emulated HubSpot scripts are padded to:', '');
    lines.push(table(['host', 'script', 'bytes', 'source'], Object.entries(c.hubspotSizes).map(([h, s]) => [h, s.what, s.bytes, s.source])), '');
  }

  lines.push('## 4. Click to open (Chromium, zero network latency)', '');
  const k = r.clickToOpen;
  if (k?.notMeasured) lines.push(`Not measured: ${k.notMeasured}`, '');
  else if (k) {
    lines.push('Consent already given: from the click on the launcher. Consent given in the prompt: from the click on "Allow" (the prompt itself appears after the launcher click in the time shown on the last row).', '');
    const a = k.variants['consent already given'];
    const b = k.variants['consent given in the prompt'];
    lines.push(table(['from the click to…', 'consent already given', 'consent given in the prompt'], [
      ['loader script inserted', ms(a.clickToLoaderMs), ms(b.clickToLoaderMs)],
      ['`widgetLoaded`', ms(a.clickToWidgetLoadedMs), ms(b.clickToWidgetLoadedMs)],
      ['(launcher click → prompt shown)', '–', ms(b.launcherToPromptMs)],
    ]), '');
  }

  lines.push(...receiptsLines(r.receiptsLoad));

  lines.push('## Where consent-gate loses', '');
  const l = losses(r);
  lines.push(...(l.length ? l.map((s) => `- ${s}`) : ['- Nowhere in this run.']), '');
  return `${lines.join('\n')}\n`;
}

/** Section 5: the receipts receiver under load (bench/receipts-load.mjs). */
export function receiptsLines(k) {
  const lines = ['## 5. Receipts receiver under load (loopback, kill -9 halfway)', ''];
  if (!k) return [...lines, 'Not measured in this run (`npm run bench` measures it; `node bench/receipts-load.mjs --write` alone).', ''];
  if (k.notMeasured) return [...lines, `Not measured: ${k.notMeasured}`, ''];
  const n = (v) => v.toLocaleString('en-US');
  lines.push(`${n(k.total)} receipts from ${k.clients} concurrent clients (one keep-alive connection each, one request at a time) to \`consent-gate receipts serve --rate 0\` on loopback. When half are acknowledged the receiver is killed with SIGKILL and started again on the same data; clients send again what was not acknowledged; then every acknowledged receipt is looked up in the store. Throughput counts acknowledged receipts over the time the receiver was up; latency is per acknowledged request. Measured ${k.date} at commit ${k.commit}, Node ${k.node}, load average at start ${k.loadAtStart?.join(', ')}, at end ${k.loadAtEnd?.join(', ')}; at most ${k.limitS} s per store.`, '');
  const rows = Object.entries(k.stores).map(([name, s]) => (s.skipped || s.notMeasured
    ? [name, `skipped: ${s.skipped ?? s.notMeasured}`, '', '', '', '', '', '']
    : [s.server ? `${name} (${s.server})` : name, `${n(s.acknowledged)} of ${n(s.receipts)}${s.timedOut ? ' (time limit)' : ''}`, `**${n(s.throughput)}**`, `${fmt(s.latencyMs.p50)} / **${fmt(s.latencyMs.p99)}**`, s.killedAfter === null ? '–' : `after ${n(s.killedAfter)}, back in ${s.restartS} s`, `${s.failedAttempts} / ${s.duplicates}`, n(s.checked), `**${s.missing}**`]));
  lines.push(table(['store', 'acknowledged', 'receipts/s', 'latency p50 / p99 (ms)', 'kill -9', 'lost attempts / answered 200 after restart', 'checked', 'missing'], rows), '');
  return lines;
}
