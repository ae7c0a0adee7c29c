/** Types of the LinkedIn Insight Tag emulator (index.mjs). */
export interface LinkedInHit {
  partnerIds: string[];
  conversionId: string | null;
  adsId: string | null;
  noscript: boolean;
}
export interface LinkedInInsightEmulator {
  handlers: Record<string, (url: URL) => Promise<{ body: string | Buffer; contentType?: string; status?: number } | null>>;
  requests: string[];
  hits(): LinkedInHit[];
  answer(url: URL): unknown;
}
export function linkedinInsightEmulator(options?: { hostBase?: string }): LinkedInInsightEmulator;
