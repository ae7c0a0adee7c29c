/**
 * The state Klaro's components read and change, kept by consent-gate.
 *
 * Klaro's own ConsentManager also stores consents (cookie or Web Storage),
 * runs string hooks with `new Function`, rewrites page elements marked
 * `data-name` and deletes cookies. consent-gate does all of that through its
 * record, guard and cleanup, so the banner builds only this: the members the
 * components use (watch/unwatch/notify, consents, confirmed, changed,
 * updateConsent, changeAll, saveAndApplyConsents), and a save that hands the
 * visitor's choice to consent-gate.
 */

export interface Watcher {
  update(manager: unknown, name: string, data: unknown): void;
}

/** Klaro's save types: `accept` (Accept all), `decline` (Reject all), `save` (the switches as they are). */
export type SaveType = 'accept' | 'decline' | 'save' | 'script';

export class BannerManager {
  consents: Record<string, boolean> = {};
  /** Whether the visitor has decided (the first layer shows while false). */
  confirmed = false;
  /** Klaro's "changed since your last visit"; consent-gate asks again with the first layer instead. */
  changed = false;
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly onSave: (consents: Record<string, boolean>, type: SaveType) => void) {}

  watch(watcher: Watcher): void {
    this.watchers.add(watcher);
  }

  unwatch(watcher: Watcher): void {
    this.watchers.delete(watcher);
  }

  notify(name: string, data: unknown): void {
    for (const watcher of [...this.watchers]) watcher.update(this, name, data);
  }

  /** Replace the state with consent-gate's (a decision made elsewhere, or the banner opening). */
  seed(consents: Record<string, boolean>, confirmed: boolean): void {
    this.consents = { ...consents };
    this.confirmed = confirmed;
    this.notify('consents', this.consents);
  }

  getConsent(name: string): boolean {
    return this.consents[name] ?? false;
  }

  updateConsent(name: string, value: boolean): boolean {
    const changed = this.getConsent(name) !== value;
    this.consents[name] = value;
    this.notify('consents', this.consents);
    return changed;
  }

  /** Every switch on or off; the number that changed (Klaro waits before closing when some did). */
  changeAll(value: boolean): number {
    let changed = 0;
    for (const name of Object.keys(this.consents)) if (this.updateConsent(name, value)) changed++;
    return changed;
  }

  saveAndApplyConsents(type: SaveType = 'script'): void {
    this.confirmed = true;
    this.onSave({ ...this.consents }, type);
    // Klaro's App hides the banner on this notice once confirmed
    this.notify('applyConsents', 0);
  }
}
