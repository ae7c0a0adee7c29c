/** Types of the Google tag and Google Tag Manager emulator (index.mjs). */
export interface EmulatorServed {
  status?: number;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}
export type EmulatorHandler = (url: URL) => Promise<EmulatorServed | null>;

/** A tag inside an emulated GTM container. */
export type ContainerTag =
  | { type: 'ga4'; measurementId: string }
  | { type: 'html'; src: string; consent?: string[] }
  | { type: 'img'; src: string; consent?: string[] };

export interface GoogleEmulatorOptions {
  /** How the emulated scripts address Google's hosts; default `https://{host}`. */
  hostBase?: string;
  /** The visitor's country for region-scoped consent defaults; default "DE". */
  country?: string;
  containers?: Record<string, { tags: ContainerTag[] }>;
}

export interface GoogleHit {
  tag: 'ga' | 'ads';
  id: string | null;
  event: string | null;
  /** `G1<ad_storage><analytics_storage>` (1 granted, 0 denied) once consent mode is in use, else null. */
  gcs: string | null;
  /** The emulator's marker: the hit's storage type was denied, so it carries no client id. */
  cookieless: boolean;
  url: string;
}

export interface GoogleEmulator {
  handlers: Record<string, EmulatorHandler>;
  requests: string[];
  hits(): GoogleHit[];
  answer(url: URL): EmulatorServed | null;
}

export const GA_COOKIE_MAX_AGE: number;
export const GCL_MAX_AGE: number;
export function googleEmulator(options?: GoogleEmulatorOptions): GoogleEmulator;
