/** Types of the Microsoft UET emulator (index.mjs). */
export interface UetHit {
  ti: string | null;
  event: string | null;
  /** The emulator's marker: 'G' sent with ad_storage granted, 'D' denied. */
  consent: string | null;
  vid: string | null;
}
export interface UetEmulator {
  handlers: Record<string, (url: URL) => Promise<{ body: string | Buffer; contentType?: string; status?: number } | null>>;
  requests: string[];
  hits(): UetHit[];
  answer(url: URL): unknown;
}
/** `enforced`: ad_storage unset counts as denied (EEA, UK, CH). */
export function uetEmulator(options?: { hostBase?: string; enforced?: boolean }): UetEmulator;
