import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import type { Vendor } from '../../src/types';
import web1on1, { loaderSrc, runCall } from '../../vendors/web1on1';
import { catalog } from '../../vendors/index';

const ROOT = resolve(__dirname, '../..');

function errorOf(input: unknown): ConsentGateConfigError {
  try {
    resolveConfig(input, [web1on1 as unknown as Vendor]);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return error as ConsentGateConfigError;
  }
  throw new Error('expected a ConsentGateConfigError');
}

describe('web1on1 catalog entry', () => {
  it('is functional, with every storage key sourced and local', () => {
    expect(web1on1.id).toBe('web1on1');
    expect(web1on1.purpose).toBe('functional');
    expect(web1on1.storage.map((s) => s.key)).toEqual([
      '.appUserId',
      '.clientId',
      '.sessionToken',
      'widget_uuid',
      'widget_loaded',
      'widget_auto_opened',
      'widget_opened_by_customer',
      'widget_closed_by_customer',
      'widget_customer_clicked_header',
      'widget_eyecatcher_closed',
      'widget_show_first_message',
    ]);
    for (const s of web1on1.storage) {
      expect(s.storage).toBe('local');
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.source.length).toBeGreaterThan(10);
    }
    expect(web1on1.storage.filter((s) => s.match === 'suffix').map((s) => s.key)).toEqual(['.appUserId', '.clientId', '.sessionToken']);
    expect(web1on1.hosts[0]!.source).toMatch(/^unverified:/);
  });

  it('needs loaderUrl as an https URL, with a typed error naming the field', () => {
    const missing = errorOf({ vendors: { web1on1: {} } });
    expect(missing.path).toBe('vendors.web1on1.loaderUrl');
    expect(missing.message).toMatch(/vendors\.web1on1\.loaderUrl is missing; expected the https URL of your web1on1 loader script/);
    expect(errorOf({ vendors: { web1on1: { loaderUrl: 'http://widget.web1on1.com/loader.js' } } }).path).toBe('vendors.web1on1.loaderUrl');
    expect(errorOf({ vendors: { web1on1: { loaderUrl: 'javascript:alert(1)' } } }).path).toBe('vendors.web1on1.loaderUrl');
    expect(() =>
      resolveConfig({ vendors: { web1on1: { loaderUrl: 'https://widget.web1on1.com/v2/loader.js' } } }, [web1on1 as unknown as Vendor]),
    ).not.toThrow();
  });
});

describe('web1on1 hostBase (tests and the offline demo)', () => {
  it('sends the loader through hostBase with its host, path and query; without it the loaderUrl is used as it is', () => {
    const loaderUrl = 'https://widget.web1on1.com/v2/loader.js?v=3';
    expect(loaderSrc({ loaderUrl })).toBe(loaderUrl);
    expect(loaderSrc({ loaderUrl, hostBase: '/vendor/{host}' })).toBe('/vendor/widget.web1on1.com/v2/loader.js?v=3');
    expect(loaderSrc({ loaderUrl, hostBase: 'http://localhost:4173/vendor/{host}' })).toBe(
      'http://localhost:4173/vendor/widget.web1on1.com/v2/loader.js?v=3',
    );
  });

  it('a hostBase without {host} is a typed error naming the field', () => {
    const error = errorOf({ vendors: { web1on1: { loaderUrl: 'https://widget.web1on1.com/v2/loader.js', hostBase: '/vendor/' } } });
    expect(error.path).toBe('vendors.web1on1.hostBase');
    expect(error.message).toMatch(/vendors\.web1on1\.hostBase is "\/vendor\/"; expected a URL containing \{host\}/);
    expect(() =>
      resolveConfig({ vendors: { web1on1: { loaderUrl: 'https://widget.web1on1.com/v2/loader.js', hostBase: '/vendor/{host}' } } }, [
        web1on1 as unknown as Vendor,
      ]),
    ).not.toThrow();
  });
});

describe('web1on1 queued calls', () => {
  it('runs the documented methods, api.* included, and reports an unknown method without throwing', () => {
    const log: unknown[][] = [];
    const api = {
      open: () => log.push(['open']),
      close: () => log.push(['close']),
      isOpened: () => true,
      setPredefinedMessage: (m: string) => log.push(['setPredefinedMessage', m]),
      api: {
        showFakeAgentMessage: (m: string, n?: string) => log.push(['showFakeAgentMessage', m, n]),
        sendClientMessage: (m: string) => log.push(['sendClientMessage', m]),
      },
    };
    runCall(api, ['setPredefinedMessage', 'I want to book a test drive']);
    runCall(api, ['api.sendClientMessage', '>cs /set @category Used Car']);
    runCall(api, ['api.showFakeAgentMessage', 'Welcome', 'Acme']);
    expect(runCall(api, ['isOpened'])).toBe(true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => runCall(api, ['eval', 'x'])).not.toThrow();
    expect(() => runCall(api, 'open')).not.toThrow();
    expect(error.mock.calls[0]![0]).toMatch(
      /web1on1Queue entry is \["eval","x"\]; expected \[method, \.\.\.arguments\] with method one of "open"/,
    );
    error.mockRestore();
    expect(log).toEqual([
      ['setPredefinedMessage', 'I want to book a test drive'],
      ['sendClientMessage', '>cs /set @category Used Car'],
      ['showFakeAgentMessage', 'Welcome', 'Acme'],
    ]);
  });
});

describe('web1on1 in the built-in catalog', () => {
  it('is listed in vendors/index.ts, so the drop-in and the head guard know it without a catalog option', () => {
    expect(catalog.map((v) => v.id)).toContain('web1on1');
    expect(catalog.find((v) => v.id === 'web1on1')).toBe(web1on1);
  });

  it('`consent-gate declare --vendor web1on1` prints one row per declared key, each with purpose, lifetime, description and source (needs a build)', () => {
    const audit = join(ROOT, 'dist/audit.mjs');
    expect(existsSync(audit), 'dist/audit.mjs is missing: build first').toBe(true);
    const run = spawnSync(process.execPath, [join(ROOT, 'cli/consent-gate.mjs'), 'declare', '--vendor', 'web1on1', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout).disclosures as Record<string, unknown>[]).filter((r) => r.vendor === 'web1on1');
    expect(rows.map((r) => r.identifier)).toEqual(web1on1.storage.map((s) => (s.match === 'suffix' ? '*' + s.key : s.key)));
    for (const row of rows) {
      expect(row).toMatchObject({
        type: 'web',
        storage: 'local',
        purposes: ['functional'],
        lifetime: 'until removed',
        provider: 'web1on1 B.V.',
        privacyPolicyUrl: 'https://www.web1on1.com/privacy',
      });
      expect(String(row.description).length).toBeGreaterThan(10);
      expect(String(row.source)).toMatch(/vendor-facts reference, web1on1/);
    }
    // no cookie rows: web1on1 keeps its state in localStorage only
    expect(rows.some((r) => r.type === 'cookie')).toBe(false);
  });
});
