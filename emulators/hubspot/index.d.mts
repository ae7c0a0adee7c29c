/** Types of the HubSpot emulator (index.mjs). */
export interface EmulatorServed {
  status?: number;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}
export type EmulatorAnswer = EmulatorServed | null | 'abort';
export type EmulatorHandler = (url: URL) => Promise<EmulatorAnswer>;
export type FailureMode = '404' | '500' | 'timeout' | 'offline';

export interface HubSpotEmulatorOptions {
  /** How the emulated scripts address HubSpot hosts; default `https://{host}`. */
  hostBase?: string;
  /** Pad a host's scripts to this many bytes. */
  pad?: Record<string, number>;
  failures?: Record<string, FailureMode>;
  /** ms a 'timeout' failure holds a request before answering 504 (default 30000). */
  hold?: number;
  analyticsTimestamp?: number;
  /** The chat script loads, but no widget appears (HubSpot's own targeting leaves the page out). */
  showNothing?: boolean;
}

export interface HubSpotEmulator {
  handlers: Record<string, EmulatorHandler>;
  requests: string[];
  fail(host: string, mode: FailureMode): void;
  restore(host: string): void;
  release(): void;
  pad(host: string, bytes: number): void;
  /** From the next chat script served on: whether the widget never appears. */
  showNothing(on?: boolean): void;
  answer(url: URL): EmulatorAnswer;
}

export const HUBSPOT_HOSTS: readonly string[];
export function hubspotEmulator(options?: HubSpotEmulatorOptions): HubSpotEmulator;
