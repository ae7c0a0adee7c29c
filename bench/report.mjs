// Renders bench/results/latest.json as Markdown (bench/results/latest.md), and
// the tables docs/performance.md quotes (bench/docs.mjs). Every number comes
// from the result object; nothing here is typed in by hand.
import { GUARD } from './lib/pages.mjs';

const kb = (n) => (typeof n === 'number' ? `${(n / 1000).toFixed(1)} kB` : '–');
const ms = (s) => (s && typeof s.median === 'number' ? `${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)})` : '–');
const x = (s) => (s && typeof s.median === 'number' ? `×${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '–');
const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a, b) => (b ? `×${(a / b).toFixed(2)}` : '–');
const num = (v) => v.toLocaleString('en-US');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const measured = (section) => section && !section.notMeasured;

/** The page cases of section 1 by role (first visit, returning visitor, chat page), whatever their titles. */
export function pageCases(r) {
  const pages = r.bytes?.pages;
  if (!measured(pages)) return null;
  const [first, returning, chat] = Object.values(pages);
  return { first, returning, chat };
}

/**
 * Issue 13's acceptance figures (and issue 15's Lighthouse accessibility),
 * each with its target and whether this run meets it: true, false, or null
 * when the figure was not measured.
 */
export function acceptance(r) {
  const rows = [];
  const add = (figure, target, value, met, note = '') => rows.push({ figure, target, value, met, note });
  const pages = pageCases(r);
  if (pages) {
    add(
      'First visit, HubSpot page: bytes fetched in total (guard + runtime + banner + parts)',
      '≤ 30 kB',
      kb(pages.first.total),
      pages.first.total <= 30_000,
      `${kb(pages.first.beforeLoad)} before the load event`,
    );
    add(
      'Returning visitor (decided), HubSpot page: bytes before the load event',
      '≤ 8 kB',
      kb(pages.returning.beforeLoad),
      pages.returning.beforeLoad <= 8_000,
      `${kb(pages.returning.total)} in total`,
    );
    add(
      'Chat page before the click (chat allowed earlier): bytes fetched until idle, no click',
      '≤ 8 kB',
      kb(pages.chat.total),
      pages.chat.total <= 8_000,
      `${kb(pages.chat.beforeLoad)} before the load event`,
    );
  } else {
    add(
      'Bytes: first visit, returning visitor, chat page',
      '≤ 30 kB, ≤ 8 kB, ≤ 8 kB',
      'not measured',
      null,
      r.bytes?.pages?.notMeasured ?? '',
    );
  }
  const g = r.guardOverhead?.variants;
  if (g?.['consent-gate guard'] && g.yett) {
    const cg = g['consent-gate guard'];
    add(
      'Inserting 10,000 elements, ÷ no guard (HubSpot guard)',
      `≤ yett's ratio in the same run (${x(g.yett.elementsRatio)})`,
      x(cg.elementsRatio),
      cg.elementsRatio.median <= g.yett.elementsRatio.median,
      cg.noFramesRatio && g.yett.noFramesRatio
        ? `without the ${num(r.guardOverhead.mix.iframe)} iframes (of another origin: each window protected when reached, not on insert): ${x(cg.noFramesRatio)}, yett ${x(g.yett.noFramesRatio)}${
            cg.ownFramesRatio
              ? `; ${num(r.guardOverhead.mix.iframe)} frames of the page's origin, not counted (each window protected on insert): ${x(cg.ownFramesRatio)}, yett ${x(g.yett.ownFramesRatio)}`
              : ''
          }`
        : '',
    );
    add(
      '5,000 cookie writes, ÷ no guard (HubSpot guard)',
      '≤ ×1.20',
      x(cg.cookieWritesRatio),
      cg.cookieWritesRatio.median <= 1.2,
      `yett ${x(g.yett.cookieWritesRatio)}`,
    );
  } else add('Guard overhead: elements and cookie writes', '≤ yett, ≤ ×1.20', 'not measured', null, r.guardOverhead?.notMeasured ?? '');
  const k = r.clickToOpen?.variants;
  if (k) {
    const prompt = k['consent given in the prompt'];
    const given = k['consent already given'];
    const bare = k['prompt, clicked with no hover'];
    const rtt = `${r.clickToOpen.latencyMs} ms round trip`;
    add(
      `Click on the launcher → prompt shown (${rtt}, hover then click)`,
      '≤ 50 ms',
      ms(prompt.clickToPromptMs),
      prompt.clickToPromptMs.median <= 50,
      bare ? `with no hover before the click: ${ms(bare.clickToPromptMs)}` : '',
    );
    add(
      `Click on "Allow" → HubSpot's loader inserted (${rtt})`,
      '≤ 16 ms',
      ms(prompt.clickToLoaderMs),
      prompt.clickToLoaderMs.median <= 16,
      `consent given earlier, launcher click → loader: ${ms(given.clickToLoaderMs)}`,
    );
  } else add('Click timings (40 ms round trip)', '≤ 50 ms, ≤ 16 ms', 'not measured', null, r.clickToOpen?.notMeasured ?? '');
  const m = r.lighthouse?.presets?.mobile;
  if (m) {
    const n = r.lighthouse.runs;
    add(
      'Lighthouse mobile, demo home page: performance',
      '≥ 0.95',
      `${m.score.median.toFixed(2)} (${m.score.min.toFixed(2)}–${m.score.max.toFixed(2)})`,
      m.score.median >= 0.95,
    );
    add(
      'Lighthouse mobile: the banner is not the LCP element',
      `banner LCP in 0 of ${n} runs`,
      `banner LCP in ${m.bannerIsLcpRuns} of ${n} runs`,
      m.bannerIsLcpRuns === 0,
      `LCP element: ${Object.entries(m.lcpElements)
        .map(([e, c]) => `${e.replace(/\|/g, '/')} (${c}×)`)
        .join('; ')}`,
    );
    add(
      "Lighthouse mobile: blocking time from consent-gate's files",
      '≤ 50 ms',
      ms(m.ourBlockingMs),
      m.ourBlockingMs.median <= 50,
      `longest task of ours ${ms(m.ourLongestTaskMs)}; whole page TBT ${ms(m.tbtMs)}`,
    );
  } else
    add(
      'Lighthouse mobile: performance, LCP element, TBT of ours',
      '≥ 0.95, not the banner, ≤ 50 ms',
      'not measured',
      null,
      r.lighthouse?.notMeasured ?? '',
    );
  const a = r.lighthouse?.accessibility;
  if (a) {
    const scores = Object.values(a).map((p) => p.score);
    const low = Object.entries(a).filter(([, p]) => p.score < 1);
    add(
      'Lighthouse accessibility on the demo pages (issue 15)',
      '1.00 on every page',
      `${Math.min(...scores).toFixed(2)}–${Math.max(...scores).toFixed(2)} on ${scores.length} pages`,
      low.length === 0,
      low.map(([path, p]) => `${path} ${p.score.toFixed(2)}: ${p.failing.map((f) => f.id).join(', ')}`).join('; '),
    );
  }
  return rows;
}

const verdict = (met) => (met === true ? '**met**' : met === false ? '**not met**' : 'not measured');

export function acceptanceLines(r, h = '##') {
  const rows = acceptance(r);
  const lines = [`${h} Acceptance (issue 13)`, ''];
  if (r.runs < 10 || r.quick)
    lines.push(
      `This run has ${r.runs} run${r.runs === 1 ? '' : 's'} per variant${r.quick ? ' (quick mode, `BENCH_QUICK=1`)' : ''}: a trial, not the published result (issue 13 asks for 10).`,
      '',
    );
  lines.push(
    table(
      ['figure', 'target', 'this run', '', 'also'],
      rows.map((row) => [row.figure, row.target, row.value, verdict(row.met), row.note || '–']),
    ),
    '',
  );
  const met = rows.filter((row) => row.met === true).length;
  lines.push(
    `${met} of ${rows.length} met. Byte budgets for every file and "no behaviour lost" are checked by \`npm test\`, not by this benchmark.`,
    '',
  );
  return lines;
}

/** Where consent-gate loses, from the numbers themselves. */
export function losses(r) {
  const out = [];
  const peers = Object.fromEntries((r.bytes?.peers ?? []).map((p) => [p.name, p]));
  const pages = pageCases(r);
  if (pages) {
    const { first, returning, chat } = pages;
    for (const name of ['klaro', 'vanilla-cookieconsent', 'tarteaucitron.js']) {
      const p = peers[name];
      if (p && first.total > p.total)
        out.push(
          `Bytes, first visit: consent-gate sends ${kb(first.total)} (guard + runtime + banner), ${name} ${kb(p.total)} (${ratio(first.total, p.total)}).`,
        );
      if (p && returning.total > p.total)
        out.push(
          `Bytes, returning visitor: consent-gate sends ${kb(returning.total)} (guard + runtime), ${name} ${kb(p.total)} for its whole banner (${ratio(returning.total, p.total)}).`,
        );
    }
    const rl = peers['react-live-chat-loader'];
    if (rl && chat.total > rl.total)
      out.push(
        `Bytes, chat facade: consent-gate's page sends ${kb(chat.total)} (the facade comes with the consent runtime), react-live-chat-loader's HubSpot facade ${kb(rl.total)} without React itself and without any consent handling (${ratio(chat.total, rl.total)}).`,
      );
    const yett = peers.yett;
    const guard = (r.bytes?.dist ?? []).find((d) => d.file === `dist/${GUARD}`);
    if (yett && guard && guard.gzip > yett.total)
      out.push(
        `Bytes, head script: consent-gate's guard is ${kb(guard.gzip)}, yett ${kb(yett.total)} (${ratio(guard.gzip, yett.total)}); yett blocks scripts only, no cookies, storage or requests.`,
      );
  }
  const g = r.guardOverhead?.variants;
  if (g) {
    const cg = g['consent-gate guard'];
    const y = g.yett;
    const mix = r.guardOverhead.mix;
    for (const [key, label] of [
      ['cookieWritesRatio', `${num(r.guardOverhead.cookieWrites)} cookie writes`],
      ['cookieReadsRatio', `${num(r.guardOverhead.cookieReads)} cookie reads`],
      ['divsRatio', `inserting ${num(mix.div)} divs`],
      ['imagesRatio', `inserting ${num(mix.img)} images`],
      ['scriptsRatio', `inserting ${num(mix.script)} scripts`],
      ['iframesRatio', `inserting ${num(mix.iframe)} iframes`],
      ['noFramesRatio', 'inserting the divs, images and scripts'],
      ['elementsRatio', 'inserting all 10,000 elements'],
      ['totalRatio', 'the whole workload'],
    ]) {
      if (cg?.[key] && y?.[key] && cg[key].median > y[key].median * 1.05)
        out.push(`Guard overhead, ${label}: consent-gate ${x(cg[key])} of no guard, yett ${x(y[key])}.`);
    }
  }
  const c = r.pageCost?.variants;
  if (c) {
    const hs = c['HubSpot standard embed'];
    const cg = c['consent-gate facade'];
    for (const key of ['requests', 'bytes', 'longTaskMs', 'cls'])
      if (cg?.[key] && hs?.[key] && cg[key].median > hs[key].median)
        out.push(`Page cost before the click, ${key}: consent-gate ${cg[key].median}, HubSpot's embed ${hs[key].median}.`);
  }
  for (const [name, s] of Object.entries(r.receiptsLoad?.stores ?? {})) {
    if (s.missing > 0) out.push(`Receipts on ${name}: ${s.missing} of ${s.checked} acknowledged receipts missing after kill -9.`);
    if (s.timedOut)
      out.push(
        `Receipts on ${name}: ${s.acknowledged} of ${s.receipts} receipts acknowledged within the ${r.receiptsLoad.limitS} s limit.`,
      );
  }
  if (r.clickToOpen?.variants)
    out.push(
      `Click to open: HubSpot's standard embed has the widget loaded before the click, so its first open needs no download; consent-gate loads the chat on the click (see "Click to open"), which is the price of sending nothing to HubSpot before it.`,
    );
  return out;
}

/** The short table against the peers. */
export function summaryLines(r, h = '##') {
  const peers = Object.fromEntries((r.bytes?.peers ?? []).map((p) => [p.name, p.total]));
  const pages = pageCases(r);
  const guard = (r.bytes?.dist ?? []).find((d) => d.file === `dist/${GUARD}`)?.gzip;
  const rows = [];
  if (pages) {
    rows.push([
      'bytes, first visit (banner shown)',
      kb(pages.first.total),
      `klaro ${kb(peers.klaro)} · vanilla-cookieconsent ${kb(peers['vanilla-cookieconsent'])} · tarteaucitron.js ${kb(peers['tarteaucitron.js'])}`,
    ]);
    rows.push([
      'bytes, returning visitor with a decision',
      kb(pages.returning.total),
      'the same files as on a first visit, for each peer above',
    ]);
    rows.push([
      'bytes, chat facade before the click',
      `${kb(pages.chat.total)} (consent runtime included)`,
      `react-live-chat-loader ${kb(peers['react-live-chat-loader'])} (+ React, no consent handling)`,
    ]);
  }
  if (guard) rows.push(['bytes, head guard', kb(guard), `yett ${kb(peers.yett)} (scripts only)`]);
  const g = r.guardOverhead?.variants;
  if (g) rows.push(['guard overhead, whole workload, ÷ no guard', x(g['consent-gate guard'].totalRatio), `yett ${x(g.yett.totalRatio)}`]);
  if (g)
    rows.push([
      'guard overhead, inserting 10,000 elements, ÷ no guard',
      x(g['consent-gate guard'].elementsRatio),
      `yett ${x(g.yett.elementsRatio)}`,
    ]);
  const c = r.pageCost?.variants;
  if (c) {
    const hs = c['HubSpot standard embed'];
    const cg = c['consent-gate facade'];
    rows.push([
      'before the click: requests / bytes',
      `${cg.requests.median} / ${kb(cg.bytes.median)}`,
      `HubSpot standard embed ${hs.requests.median} / ${kb(hs.bytes.median)}`,
    ]);
    rows.push([
      'before the click: long-task time / CLS',
      `${fmt(cg.longTaskMs.median)} ms / ${cg.cls.median.toFixed(3)}`,
      `HubSpot standard embed ${fmt(hs.longTaskMs.median)} ms / ${hs.cls.median.toFixed(3)} (emulated scripts do no real work)`,
    ]);
  }
  const k = r.clickToOpen?.variants;
  if (k)
    rows.push([
      `click → \`widgetLoaded\`, ${r.clickToOpen.latencyMs} ms round trip (consent given / in the prompt)`,
      `${fmt(k['consent already given'].clickToWidgetLoadedMs.median)} ms / ${fmt(k['consent given in the prompt'].clickToWidgetLoadedMs.median)} ms`,
      'HubSpot standard embed: loaded before the click',
    ]);
  for (const [name, s] of Object.entries(r.receiptsLoad?.stores ?? {})) {
    if (s.throughput)
      rows.push([
        `receipts receiver on ${name}: receipts/s, p99, missing after kill -9`,
        `${num(s.throughput)}/s, ${fmt(s.latencyMs.p99)} ms, ${s.missing} of ${num(s.checked)}`,
        '–',
      ]);
  }
  return [`${h} Against the peers`, '', table(['', 'consent-gate', 'peers'], rows), ''];
}

/** The run's circumstances, one paragraph. */
export function runLine(r) {
  const m = r.machine;
  return `Run on ${r.date.slice(0, 10)} (${r.date}), ${m.nproc} cores (\`nproc\`), ${m.cpu}, Chromium ${m.chromium}, Node ${m.node}, ${m.platform}, commit ${m.commit}. ${r.runs} run${r.runs === 1 ? '' : 's'} per variant (Lighthouse: ${r.lighthouse?.runs ?? '–'} per preset), variants alternated run by run; timings as median (min–max). Load average (1, 5, 15 min) at start ${m.loadAtStart?.join(', ')}, at end ${m.loadAtEnd?.join(', ')}: other work on the machine shows up as spread between min and max, and inflates every duration. Whole run: ${r.durationS} s.`;
}

export function pageBytesLines(r, h = '##') {
  const lines = [`${h} Bytes a page fetches (min+gzip)`, ''];
  const pages = r.bytes?.pages;
  if (!pages) return [];
  if (pages.notMeasured) return [...lines, `Not measured: ${pages.notMeasured}`, ''];
  lines.push(
    'The HubSpot page (the files built for HubSpot alone), opened in Chromium; each file of ours it fetched, at its min+gzip size. "Before load": the response ended before the load event. "Sent": what the server sends (gzip -9 of the file as built).',
    '',
  );
  const rows = [];
  for (const [name, p] of Object.entries(pages)) {
    for (const f of p.files)
      rows.push([name, `\`${f.file.replace('dist/', '')}\``, f.beforeLoad ? 'yes' : 'no', num(f.gzip), num(f.transfer)]);
    rows.push([name, '**before the load event**', '', `**${kb(p.beforeLoad)}**`, kb(p.transferBeforeLoad)]);
    rows.push([
      name,
      `**total until idle**${p.idle ? '' : ' (never idle within the limit)'}`,
      '',
      `**${kb(p.total)}**`,
      kb(p.transferTotal),
    ]);
  }
  lines.push(table(['page', 'file', 'before load', 'min+gzip (bytes)', 'sent'], rows), '');
  const others = Object.entries(pages).filter(([, p]) => p.otherHostRequests > 0);
  lines.push(
    others.length
      ? `Requests to other hosts before the click: ${others.map(([n, p]) => `${n} ${p.otherHostRequests}`).join(', ')}.`
      : 'No page case sent a request to any other host.',
    '',
  );
  return lines;
}

export function distLines(r, h = '##') {
  return [
    `${h} Bytes of every built file (min+gzip)`,
    '',
    'Each file minified with terser and gzipped at level 9 (`bench/size.mjs`).',
    '',
    table(
      ['our file', 'raw', 'min', 'min+gzip'],
      (r.bytes?.dist ?? []).map((d) => [`\`${d.file}\``, d.raw, d.min, `**${d.gzip}**`]),
    ),
    '',
  ];
}

export function peerLines(r, h = '##') {
  return [
    `${h} Peers' bytes (min+gzip; stylesheets gzip only)`,
    '',
    table(
      ['peer', 'what it is', 'files', 'min+gzip'],
      (r.bytes?.peers ?? []).map((p) => [
        `${p.name} ${p.version}`,
        p.role,
        p.parts.map((f) => `\`${f.file.replace(/^node_modules\//, '')}\` ${f.gzip}`).join(' + '),
        `**${kb(p.total)}**`,
      ]),
    ),
    '',
  ];
}

export function guardLines(r, h = '##') {
  const lines = [`${h} Guard overhead (Chromium)`, ''];
  const g = r.guardOverhead;
  if (!g) return [];
  if (g.notMeasured) return [...lines, `Not measured: ${g.notMeasured}`, ''];
  lines.push(
    `A page makes ${num(g.cookieWrites)} \`document.cookie\` writes and ${num(g.cookieReads)} reads, then inserts ${num(g.mix.div)} divs, ${num(g.mix.img)} images, ${num(g.mix.script)} scripts and ${num(g.mix.iframe)} iframes of another origin, all of non-vendor hosts, one \`appendChild\` at a time; then, timed apart and not in the sums, ${num(g.mix.iframe)} iframes of the page's own origin (no URL). Everything but the cookie reads runs ${g.repeat} times in the page and the fastest repetition counts. Ratio: variant ÷ no guard of the same round. "consent-gate guard" is the HubSpot guard; the guards for more vendors are those of "Growth with the number of vendors".`,
    '',
  );
  const phases = [
    [`${num(g.cookieWrites)} cookie writes`, 'cookieWritesMs', 'cookieWritesRatio'],
    [`${num(g.cookieReads)} cookie reads`, 'cookieReadsMs', 'cookieReadsRatio'],
    [`${num(g.mix.div)} divs`, 'divsMs', 'divsRatio'],
    [`${num(g.mix.img)} images`, 'imagesMs', 'imagesRatio'],
    [`${num(g.mix.script)} scripts`, 'scriptsMs', 'scriptsRatio'],
    [`${num(g.mix.iframe)} iframes`, 'iframesMs', 'iframesRatio'],
    [`${num(g.mix.iframe)} iframes of the page's origin (not in the sums below)`, 'ownFramesMs', 'ownFramesRatio'],
    ['divs, images and scripts (no frames)', 'noFramesMs', 'noFramesRatio'],
    ['all 10,000 elements', 'elementsMs', 'elementsRatio'],
    ['whole workload', 'totalMs', 'totalRatio'],
  ];
  const names = Object.keys(g.variants);
  lines.push(
    table(
      ['phase', ...names.map((v) => (v === 'no guard' ? `${v} (ms)` : `${v} ÷ no guard`))],
      // (a phase a result of an older benchmark lacks is left out)
      phases
        .filter(([, msKey]) => g.variants['no guard'][msKey])
        .map(([label, msKey, rKey]) => [
          label,
          ...names.map((v) => (v === 'no guard' ? ms(g.variants[v][msKey]) : `**${x(g.variants[v][rKey])}**`)),
        ]),
    ),
    '',
  );
  return lines;
}

export function pageCostLines(r, h = '##') {
  const lines = [`${h} Page cost before the first click (Chromium)`, ''];
  const c = r.pageCost;
  if (!c) return [];
  if (c.notMeasured) return [...lines, `Not measured: ${c.notMeasured}`, ''];
  const hs = c.variants['HubSpot standard embed'];
  const cg = c.variants['consent-gate facade'];
  lines.push(
    `From navigation to the load event plus ${c.idleMs / 1000} s idle. HubSpot's standard embed against consent-gate's facade for a returning visitor who allowed the chat earlier (consent-gate still loads nothing of HubSpot before the click).`,
    '',
  );
  const row = (label, key, f = (s) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`) => [
    label,
    f(hs[key]),
    f(cg[key]),
    hs[key].median ? ratio(cg[key].median, hs[key].median) : '–',
  ];
  lines.push(
    table(
      ['metric', 'HubSpot standard embed', 'consent-gate facade', 'facade ÷ embed'],
      [
        row('requests', 'requests'),
        row('of them to HubSpot hosts', 'vendorRequests'),
        row('bytes transferred', 'bytes', (s) => kb(s.median)),
        row('of them from HubSpot hosts', 'vendorBytes', (s) => kb(s.median)),
        row('long tasks', 'longTasks'),
        row('long-task time (ms)', 'longTaskMs'),
        row('blocking time over 50 ms (ms)', 'blockingMs'),
        row('cumulative layout shift', 'cls', (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`),
      ],
    ),
    '',
  );
  lines.push(`Caveat: ${c.note}.`, '');
  lines.push('Sizes the emulated HubSpot scripts are padded to:', '');
  lines.push(
    table(
      ['host', 'script', 'bytes', 'source'],
      Object.entries(c.hubspotSizes).map(([host, s]) => [host, s.what, s.bytes, s.source]),
    ),
    '',
  );
  return lines;
}

export function clickLines(r, h = '##') {
  const k = r.clickToOpen;
  if (!k) return [];
  const lines = [`${h} Click to open (Chromium, ${k.latencyMs ?? 0} ms round trip)`, ''];
  if (k.notMeasured) return [...lines, `Not measured: ${k.notMeasured}`, ''];
  lines.push(
    `Every response (own files and HubSpot's emulated hosts) is held back ${k.latencyMs} ms. The pointer moves onto the button, presses ${k.pressAfterMs} ms later and releases ${k.releaseAfterMs} ms after that; times count from the click (the release). "Consent already given": a returning visitor who allowed the chat clicks the launcher. "Consent given in the prompt": a visitor who had declined clicks the launcher, then "Allow" in the prompt; the loader and \`widgetLoaded\` count from the "Allow" click. The last column clicks the launcher with no hover (pointer over, down and up in one instant).`,
    '',
  );
  const a = k.variants['consent already given'];
  const b = k.variants['consent given in the prompt'];
  const c = k.variants['prompt, clicked with no hover'];
  lines.push(
    table(
      ['from the click to…', 'consent already given', 'consent given in the prompt', 'prompt, no hover'],
      [
        ['prompt in the document', '–', ms(b.clickToPromptMs), ms(c?.clickToPromptMs)],
        ["prompt's first frame", '–', ms(b.clickToPromptFrameMs), ms(c?.clickToPromptFrameMs)],
        ["HubSpot's loader script inserted", ms(a.clickToLoaderMs), ms(b.clickToLoaderMs), '–'],
        ['`widgetLoaded`', ms(a.clickToWidgetLoadedMs), ms(b.clickToWidgetLoadedMs), '–'],
      ],
    ),
    '',
  );
  return lines;
}

export function lighthouseLines(r, h = '##') {
  const l = r.lighthouse;
  if (!l) return [];
  const lines = [`${h} Lighthouse ${l.version ?? ''} on the demo`.trimEnd(), ''];
  if (l.notMeasured) return [...lines, `Not measured: ${l.notMeasured}`, ''];
  lines.push(
    `${l.url}, ${l.runs} run${l.runs === 1 ? '' : 's'} per preset, presets alternated; median (min–max). "Of ours": Lighthouse's \`long-tasks\` audit attributes each task over 50 ms to a script; the time over 50 ms of tasks attributed to \`/dist/consent-gate*\` files is their blocking time. Lighthouse's benchmark index measures the machine's speed during the run (a quiet desktop scores about 1,000 and more; a low index means a slow or busy machine and inflated simulated timings).`,
    '',
  );
  const p = l.presets;
  const both = (f) => ['mobile', 'desktop'].map((k) => (p[k] ? f(p[k]) : '–'));
  const score = (s) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  lines.push(
    table(
      ['', 'mobile', 'desktop'],
      [
        ['performance', ...both((s) => `**${score(s.score)}**`)],
        ['LCP', ...both((s) => ms(s.lcpMs))],
        [
          'LCP element',
          ...both((s) =>
            Object.entries(s.lcpElements)
              .map(([e, c]) => `\`${e.replace(/\|/g, '/')}\` ${c}×`)
              .join('; '),
          ),
        ],
        ['the banner is the LCP element', ...both((s) => `${s.bannerIsLcpRuns} of ${l.runs} runs`)],
        ['FCP', ...both((s) => ms(s.fcpMs))],
        ['TBT, whole page', ...both((s) => ms(s.tbtMs))],
        ['blocking time of ours', ...both((s) => `**${ms(s.ourBlockingMs)}**`)],
        ['longest task of ours', ...both((s) => ms(s.ourLongestTaskMs))],
        ['CPU time of our files (bootup-time)', ...both((s) => ms(s.ourCpuMs))],
        ['CLS', ...both((s) => `${s.cls.median.toFixed(3)} (${s.cls.min.toFixed(3)}–${s.cls.max.toFixed(3)})`)],
        ['benchmark index', ...both((s) => `${fmt(s.benchmarkIndex.median)} (${fmt(s.benchmarkIndex.min)}–${fmt(s.benchmarkIndex.max)})`)],
      ],
    ),
    '',
  );
  const warnings = [...new Set(['mobile', 'desktop'].flatMap((k) => p[k]?.warnings ?? []))];
  if (warnings.length) lines.push(`Lighthouse warned: ${warnings.map((w) => w.replace(/\s+/g, ' ')).join(' ')}`, '');
  if (l.accessibility) {
    lines.push('Accessibility (one run per page, first visit with the banner shown):', '');
    lines.push(
      table(
        ['demo page', 'accessibility', 'failing audits'],
        Object.entries(l.accessibility).map(([path, a]) => [
          `\`${path}\``,
          `**${a.score.toFixed(2)}**`,
          a.failing.map((f) => `\`${f.id}\``).join(', ') || '–',
        ]),
      ),
      '',
    );
  }
  return lines;
}

export function growthLines(r, h = '##') {
  const gr = r.growth;
  if (!gr) return [];
  const lines = [`${h} Growth with the number of vendors`, ''];
  if (gr.notMeasured) return [...lines, `Not measured: ${gr.notMeasured}`, ''];
  const have = gr.rows.map((row) => row.vendors);
  const missing = gr.asked.filter((n) => n > gr.usable);
  lines.push(
    `Catalog vendors configured on one page: HubSpot first, then the catalog's order, each with the example values its required options name. Asked for ${gr.asked.join(', ')} vendors; the catalog of this build has ${gr.catalogSize} (${gr.usable} usable), so the rows are ${have.join(', ')}${missing.length ? ` (${missing.join(', ')} not possible with this catalog)` : ''}.${gr.skipped?.length ? ` Left out: ${gr.skipped.map((s) => `${s.id} (${s.why})`).join(', ')}.` : ''} "Bundled": the site's own files from \`consent-gate bundle --config\`; "generic": \`dist/consent-gate-guard.js\` + \`dist/consent-gate.js\`, which fetch each configured vendor's file. Bytes min+gzip; guard overhead on the workload of "Guard overhead", same rounds.`,
    '',
  );
  const g = r.guardOverhead?.variants;
  const parts = (list) => list.map((f) => `\`${f.file.replace('dist/', '')}\` ${num(f.gzip)}`).join(' + ') || 'none';
  lines.push(
    table(
      [
        'vendors',
        'bundled guard',
        'bundled runtime',
        'first visit: parts fetched',
        'first visit total / before load',
        'returning: total / before load',
        'generic first visit / returning (vendor files fetched)',
        'guard ÷ no guard: 10,000 elements',
        'cookie writes',
        'whole workload',
      ],
      gr.rows.map((row) => {
        const o = g?.[row.overheadVariant];
        return [
          `${row.vendors}: ${row.ids.join(', ')}`,
          num(row.guard),
          num(row.runtime),
          parts(row.bundled.firstVisit.parts),
          `**${kb(row.bundled.firstVisit.total)}** / ${kb(row.bundled.firstVisit.beforeLoad)}`,
          `**${kb(row.bundled.returning.total)}** / ${kb(row.bundled.returning.beforeLoad)}`,
          `${kb(row.generic.firstVisit.total)} / ${kb(row.generic.returning.total)} (${row.generic.returning.parts.length})`,
          o ? x(o.elementsRatio) : '–',
          o ? x(o.cookieWritesRatio) : '–',
          o ? x(o.totalRatio) : '–',
        ];
      }),
    ),
    '',
  );
  return lines;
}

export function embedLines(r, h = '##') {
  const e = r.embed;
  if (!e) return [];
  const lines = [`${h} The embed placeholders' part`, ''];
  if (e.notMeasured) return [...lines, `Not measured: ${e.notMeasured}`, ''];
  if (!e.present) return [...lines, `${e.note}: nothing to measure.`, ''];
  lines.push(`\`dist/consent-gate-embed.js\`: **${num(e.gzip)} bytes** min+gzip.`, '');
  if (e.withoutEmbedVendor)
    lines.push(
      `Fetched by the HubSpot pages (no embed vendor in their config): ${Object.entries(e.withoutEmbedVendor)
        .map(([n, f]) => `${n}: **${f ? 'yes' : 'no'}**`)
        .join('; ')}.`,
      '',
    );
  if (e.withEmbedVendor)
    lines.push(
      `Fetched by a first visit to a page whose config names ${e.withEmbedVendor.vendor} (generic drop-in, one embed in the page): **${e.withEmbedVendor.fetched ? 'yes' : 'no'}**; that page fetched ${e.withEmbedVendor.files.map((f) => `\`${f.file.replace('dist/', '')}\` ${num(f.gzip)}`).join(' + ')} = ${kb(e.withEmbedVendor.total)}, and sent ${e.withEmbedVendor.vendorRequests} request${e.withEmbedVendor.vendorRequests === 1 ? '' : 's'} to other hosts.`,
      '',
    );
  if (e.note) lines.push(`${e.note}.`, '');
  return lines;
}

export function renderMarkdown(r) {
  const lines = ['# consent-gate benchmark results', ''];
  lines.push(`${runLine(r)} Regenerate with \`npm run bench\`; method in [docs/performance.md](../../docs/performance.md).`, '');
  lines.push(...acceptanceLines(r));
  lines.push(...summaryLines(r));
  const numbered = [pageBytesLines, distLines, peerLines, guardLines, pageCostLines, clickLines, lighthouseLines, growthLines, embedLines];
  for (const section of numbered) lines.push(...section(r));
  lines.push(...receiptsLines(r.receiptsLoad));
  lines.push('## Where consent-gate loses', '');
  const l = losses(r);
  lines.push(...(l.length ? l.map((s) => `- ${s}`) : ['- Nowhere in this run.']), '');
  return `${lines.join('\n')}\n`;
}

/** The receipts receiver under load (bench/receipts-load.mjs). */
export function receiptsLines(k) {
  const lines = ['## Receipts receiver under load (loopback, kill -9 halfway)', ''];
  if (!k) return [...lines, 'Not measured in this run (`npm run bench` measures it; `node bench/receipts-load.mjs --write` alone).', ''];
  if (k.notMeasured) return [...lines, `Not measured: ${k.notMeasured}`, ''];
  const n = num;
  lines.push(
    `${n(k.total)} receipts from ${k.clients} concurrent clients (one keep-alive connection each, one request at a time) to \`consent-gate receipts serve --rate 0\` on loopback. When half are acknowledged the receiver is killed with SIGKILL and started again on the same data; clients send again what was not acknowledged; then every acknowledged receipt is looked up in the store. Throughput counts acknowledged receipts over the time the receiver was up; latency is per acknowledged request. Measured ${k.date} at commit ${k.commit}, Node ${k.node}, load average at start ${k.loadAtStart?.join(', ')}, at end ${k.loadAtEnd?.join(', ')}; at most ${k.limitS} s per store.`,
    '',
  );
  const rows = Object.entries(k.stores).map(([name, s]) =>
    s.skipped || s.notMeasured
      ? [name, `skipped: ${s.skipped ?? s.notMeasured}`, '', '', '', '', '', '']
      : [
          s.server ? `${name} (${s.server})` : name,
          `${n(s.acknowledged)} of ${n(s.receipts)}${s.timedOut ? ' (time limit)' : ''}`,
          `**${n(s.throughput)}**`,
          `${fmt(s.latencyMs.p50)} / **${fmt(s.latencyMs.p99)}**`,
          s.killedAfter === null ? '–' : `after ${n(s.killedAfter)}, back in ${s.restartS} s`,
          `${s.failedAttempts} / ${s.duplicates}`,
          n(s.checked),
          `**${s.missing}**`,
        ],
  );
  lines.push(
    table(
      [
        'store',
        'acknowledged',
        'receipts/s',
        'latency p50 / p99 (ms)',
        'kill -9',
        'lost attempts / answered 200 after restart',
        'checked',
        'missing',
      ],
      rows,
    ),
    '',
  );
  return lines;
}
