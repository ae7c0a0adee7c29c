/** The states a chat goes through, shared by the launcher (always on the page) and the chat's lazy part. */
export type ChatState = 'idle' | 'prompt' | 'loading' | 'ready' | 'failed';
/** Why a chat failed: its script did not load (`error`), not in time (`timeout`), the browser is offline, or its code loaded and showed nothing (`hidden`: the vendor's own targeting, audience or availability left this page or visitor out). */
export type FailReason = 'error' | 'timeout' | 'offline' | 'hidden';

export interface ChatStatus {
  vendor: string;
  state: ChatState;
  /** Whether the vendor may load (its purpose is granted). */
  allowed: boolean;
  /** Whether the vendor's UI is on the page. */
  loaded: boolean;
  reason?: FailReason;
  [key: string]: unknown;
}
