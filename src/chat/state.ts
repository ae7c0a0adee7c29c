/** The states a chat goes through, shared by the launcher (always on the page) and the chat's lazy part. */
export type ChatState = 'idle' | 'prompt' | 'loading' | 'ready' | 'failed';
export type FailReason = 'error' | 'timeout' | 'offline';

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
