/**
 * `consent-gate rewrite <files, folders or globs> [--check] [--config file]`:
 * vendor tags written in HTML files, rewritten in place to the markup form the
 * head guard releases on consent (the library's rewriteHtml does the work).
 *
 * Exit codes: 0 nothing left to rewrite (with --check: no file would change);
 * 1 with --check when a file would change, and whenever a vendor tag had to be
 * left as written; 2 on usage errors (no files, a file missing or not UTF-8).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';
import { vendorsFor } from './config.mjs';

/** Files a folder stands for. */
const HTML = /\.html?$/i;
/** Folders a `**` or a folder argument does not walk into. */
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * A glob as a regular expression over `/`-separated paths: `**` any folders,
 * `*` and `?` within one name, `[…]` a character class, `{a,b}` either.
 */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const whole = (i === 0 || glob[i - 1] === '/') && (i + 2 === glob.length || glob[i + 2] === '/');
      out += whole ? (i + 2 === glob.length ? '.*' : '(?:.*/)?') : '[^/]*';
      i += whole && i + 2 < glob.length ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((p) =>
            p
              .replace(/[.+^${}()|\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
          )
          .join('|')})`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function walk(dir, keep, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(path, keep, out);
    } else if (entry.isFile() && keep(path)) out.push(path);
  }
}

/** The files named by arguments: a file as given, a folder's .html/.htm files, a glob's matches (relative to `cwd`). */
function expandFiles(args, cwd = process.cwd()) {
  const files = new Set();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (!/[*?[{]/.test(arg)) {
      if (!existsSync(path)) throw new UsageError(`${arg}: no such file or folder`, { usage: false });
      if (statSync(path).isDirectory()) {
        const found = [];
        walk(path, (p) => HTML.test(p), found);
        for (const f of found) files.add(f);
      } else files.add(path);
      continue;
    }
    // the folders before the first wildcard are walked; the rest is matched
    const parts = arg.split(/[\\/]/);
    const first = parts.findIndex((p) => /[*?[{]/.test(p));
    const root = resolve(cwd, parts.slice(0, first).join('/') || '.');
    const pattern = globToRegExp(parts.slice(first).join('/'));
    const found = [];
    if (existsSync(root) && statSync(root).isDirectory()) walk(root, (p) => pattern.test(relative(root, p).split(sep).join('/')), found);
    if (!found.length) throw new UsageError(`${arg}: matched no files`, { usage: false });
    for (const f of found) files.add(f);
  }
  return [...files].sort();
}

/** A start tag on one line, shortened for a terminal. */
export function oneLine(tag, max = 140) {
  const flat = tag.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The rules vendor tags are found with: every catalog vendor (the head guard
 * holds them all, configured or not) and the vendors of a --config (a site's
 * own, once config can declare them).
 */
export function markupRules(lib, vendors) {
  const byId = new Map([...lib.catalog, ...vendors].map((v) => [v.id, v]));
  return lib.compileRules([...byId.values()]);
}

/** One line per vendor tag: `file:line:column`, the tag, the vendor and purpose (and why, when left). */
function tagLine(file, t) {
  const where = `${file}:${t.line}:${t.column}`;
  const inside = t.within ? ` (in ${t.within === 'srcdoc' ? 'the iframe srcdoc' : '<noscript>'})` : '';
  return `  ${where} ${oneLine(t.tag)} ${t.vendor} (${t.purpose})${inside}${t.reason ? `: left as written, ${t.reason}` : ''}`;
}

export async function rewriteCommand(argv, lib) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { check: { type: 'boolean', default: false }, config: { type: 'string' } },
    allowPositionals: true,
  });
  if (!positionals.length) throw new UsageError('rewrite needs HTML files, folders or globs, e.g. consent-gate rewrite "public/**/*.html"');
  const files = expandFiles(positionals);
  const rules = markupRules(lib, (await vendorsFor(lib, { config: values.config })).vendors);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = (line) => process.stdout.write(`${line}\n`);
  let changed = 0;
  let left = 0;
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    let html;
    try {
      html = decoder.decode(readFileSync(file));
    } catch (error) {
      throw new UsageError(`${name}: ${error instanceof TypeError ? 'not UTF-8 text; convert it to UTF-8 first' : error.message}`, {
        usage: false,
      });
    }
    const result = lib.rewriteHtml(html, rules);
    if (result.changes.length) {
      changed++;
      out(
        `${values.check ? 'would rewrite' : 'rewrote'} ${name}: ${result.changes.length} vendor tag${result.changes.length === 1 ? '' : 's'}`,
      );
      for (const t of result.changes) out(tagLine(name, t));
      if (!values.check) writeFileSync(file, result.html);
    }
    if (result.left.length) {
      left += result.left.length;
      process.stderr.write(`${name}: ${result.left.length} vendor tag${result.left.length === 1 ? '' : 's'} left as written\n`);
      for (const t of result.left) process.stderr.write(`${tagLine(name, t)}\n`);
    }
  }
  const counted = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (values.check)
    out(
      changed
        ? `${changed} of ${counted} would change: run consent-gate rewrite without --check`
        : `${counted} checked: no vendor tag to rewrite`,
    );
  else out(changed ? `${changed} of ${counted} rewritten` : `${counted} checked: no vendor tag to rewrite`);
  return (values.check && changed) || left ? 1 : 0;
}
