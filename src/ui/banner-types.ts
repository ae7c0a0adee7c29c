/** The contract between the runtime and the lazily loaded banner file. */
import type { ResolvedConfig } from '../config.js';
import type { DecisionChange } from '../consent/gate.js';
import type { DecisionSource, Decisions } from '../types.js';

export interface BannerBridge {
  config: ResolvedConfig;
  decisions(): Decisions;
  decide(change: DecisionChange, source: DecisionSource): void;
}

export interface BannerHandle {
  /** Show the first layer (notice) or, when `settings` is true, the per-purpose settings. */
  show(settings?: boolean): void;
  /** Reflect decisions made elsewhere (API, another tab, a prompt). */
  update(decisions: Decisions): void;
}

export interface BannerModule {
  mountBanner(bridge: BannerBridge): BannerHandle;
}
