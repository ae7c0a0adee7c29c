/** Types of the Microsoft Clarity emulator (index.mjs). */
export interface ClarityUpload {
  project: string;
  /** Whether the upload was made in cookie mode (analytics_Storage granted). */
  cookies: boolean;
  user: string | null;
  session: string;
  ad: 'granted' | 'denied';
  events: unknown[][];
}
export interface ClarityEmulator {
  handlers: Record<
    string,
    (url: URL, request?: { postData(): string | null }) => Promise<{ body: string | Buffer; contentType?: string; status?: number } | null>
  >;
  requests: string[];
  uploads(): (ClarityUpload | null)[];
  answer(url: URL): unknown;
}
/** `consentRequired`: nothing is stored until consentv2 grants analytics_Storage (EEA, UK, CH). */
export function clarityEmulator(options?: { hostBase?: string; consentRequired?: boolean }): ClarityEmulator;
