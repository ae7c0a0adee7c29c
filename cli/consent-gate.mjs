#!/usr/bin/env node
/**
 * consent-gate command line:
 *
 *   consent-gate declare [--vendor id …] [--format json|csv|md|html] [--config file] [--host www.example.com] [--lang de]
 *   consent-gate scan <url> [--out dir] [--config file] [--route host[/path]=dir …] [--offline] [--pages N]
 *   consent-gate bundle --config file --out dir
 *   consent-gate receipts serve|export|purge …   (see cli/receipts.mjs)
 *   consent-gate rewrite <files, folders or globs> [--check] [--config file]
 *
 * Exit codes: 0 success (scan: clean), 1 scan found violations (rewrite: a
 * file would change with --check, or a tag was left), 2 usage error.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';
import { loadLibrary, vendorsFor } from './config.mjs';
import { RECEIPTS_USAGE } from './receipts.mjs';

const USAGE = `Usage:
  consent-gate declare [--vendor id …] [--format json|csv|md|html] [--config file] [--host site-host] [--lang code]
      Print the cookie and storage declaration of the catalog (or of the vendors
      in --config, or of the given --vendor ids). --lang: the language of the
      HTML (any language the banner speaks, e.g. de, fr-CA, sr-Cyrl; default en).
  consent-gate scan <url> [--pages N [--parallel N]] [--out dir] [--config file] [--route host[/path]=dir …] [--hosts dir] [--offline]
      Drive Chromium through three phases (before consent, after accepting all,
      after withdrawal) and report violations in <out>/report.json and report.html,
      with a screenshot of each phase and every vendor tag written in the page's
      HTML (with its position and its markup form). --pages N scans the site:
      its sitemap.xml, then same-origin links, breadth-first, up to N pages,
      each on a fresh profile (a progress line per page on stderr), and sums up
      per vendor and per cookie which pages they were on; --parallel N (1)
      scans N pages at once.
      --route serves a host (or host/path prefix) from a local folder; --hosts dir
      serves every subfolder named like a host (dir/js.usemessages.com/…) as that
      host; --offline fails every request to a host without a route, so nothing
      leaves the machine. --quiet-ms (800) and --max-wait-ms (15000) tune how long
      the network must be quiet before each snapshot. Chromium: CHROME_PATH, else
      /usr/bin/chromium.
      Exit 0 when clean, 1 on violations, 2 when the scan could not run
      (bad arguments, Chromium missing, page unreachable).
  consent-gate bundle --config file --out dir
      Write the drop-in files for exactly the vendors the config names: a guard
      with their rules and a runtime that carries them, beside the parts a page
      fetches when it needs them; print each file's size.
  consent-gate rewrite <files, folders or globs> [--check] [--config file]
      Rewrite vendor tags written in HTML files to the markup form the head
      guard releases on consent (<script type="text/plain"
      data-consent-gate="vendor-id" data-src="…">; other tags keep their name,
      their URL attribute becomes data-src, data-srcset, data-href, …). Every
      other attribute and all other text stay as written; a second run changes
      nothing. A folder stands for its .html and .htm files; quote globs
      ("public/**/*.html"). --check changes nothing and lists the files that
      would change. --config adds the vendors of a consent-gate config.
      Exit 0 when nothing is left to rewrite, 1 when --check finds a file that
      would change or a tag must be rewritten by hand, 2 on usage errors.
${RECEIPTS_USAGE}`;

async function declare(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: 'string', multiple: true },
      format: { type: 'string', default: 'json' },
      config: { type: 'string' },
      host: { type: 'string' },
      lang: { type: 'string' },
    },
    allowPositionals: false,
  });
  const lib = await loadLibrary();
  if (!lib.DECLARATION_FORMATS.includes(values.format))
    throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${lib.DECLARATION_FORMATS.join(', ')}`);
  if (values.lang !== undefined && !lib.languageFor(values.lang))
    throw new UsageError(
      `--lang ${JSON.stringify(values.lang)}: expected a language the banner speaks (${lib.LANGUAGES.join(', ')}), as a tag such as de or sr-Cyrl`,
    );
  const { vendors, resolved } = await vendorsFor(lib, values);
  const out = lib.renderDeclaration(values.format, {
    vendors,
    ...(resolved
      ? { cookieName: resolved.cookieName, lifetimeDays: resolved.lifetimeDays, purposes: ['necessary', ...resolved.purposes] }
      : {}),
    ...(resolved?.cookieDomain ? { cookieDomain: resolved.cookieDomain } : {}),
    ...(resolved?.banner?.privacyPolicyUrl ? { privacyPolicyUrl: resolved.banner.privacyPolicyUrl } : {}),
    ...(values.host ? { siteHost: values.host } : {}),
    ...(values.lang ? { lang: values.lang } : {}),
  });
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  return 0;
}

async function main(argv) {
  const [command, ...rest] = argv;
  // `consent-gate <command> --help` is a question, not a mistake: the usage on stdout, exit 0
  if (['--help', '-h', 'help'].includes(command) || rest.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'declare') return declare(rest);
  if (command === 'scan') {
    const { scanCommand } = await import('./scan.mjs');
    return scanCommand(rest, await loadLibrary());
  }
  if (command === 'bundle') {
    const { bundleCommand } = await import('./bundle.mjs');
    return bundleCommand(rest, await loadLibrary());
  }
  if (command === 'receipts') {
    const { receiptsCommand } = await import('./receipts.mjs');
    return receiptsCommand(rest);
  }
  if (command === 'rewrite') {
    const { rewriteCommand } = await import('./rewrite.mjs');
    return rewriteCommand(rest, await loadLibrary());
  }
  throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command given');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof UsageError;
    const parse = typeof error?.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`consent-gate: ${error.message}\n`);
    if ((known && error.usage) || parse) process.stderr.write(`\n${USAGE}\n`);
    else if (!known && error?.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(2);
  },
);
