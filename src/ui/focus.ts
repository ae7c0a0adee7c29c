/**
 * What the banner does for keyboard and screen-reader users, and for what
 * shares the screen with it. Plain DOM around Klaro's markup, so Klaro's
 * components stay as they are (rollup.banner.mjs adds only the roles).
 *
 * - The first layer is a labelled region at the start of <body>, so it is
 *   first in the tab order, without taking focus or trapping it. When it goes
 *   away with focus inside (Accept all, Reject all), focus returns to where
 *   it was before it entered the banner, else to the page's first control.
 * - The settings panel is a modal dialog: focus moves in (Klaro focuses its
 *   close button), Tab and Shift+Tab stay inside, Escape closes it, and focus
 *   returns to what opened it (the notice's "Settings" link, a site's
 *   `data-consent-gate-settings` element).
 * - While the first layer shows, `--consent-gate-banner-inset` on <html> is
 *   the distance from the viewport's bottom to the notice's top edge (e.g.
 *   "184px"): a chat launcher keeps out of its way, and the stylesheet's
 *   `scroll-padding-bottom` keeps what the visitor tabs to clear of it
 *   (WCAG 2.4.11). An empty block as tall as the notice at the end of <body>
 *   lets even the page's last line scroll clear of it.
 */

const INSET_PROPERTY = '--consent-gate-banner-inset';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(within: ParentNode): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** Focus an element if it is still in the page and can take focus. */
function tryFocus(el: Element | null | undefined): boolean {
  if (!el?.isConnected || typeof (el as HTMLElement).focus !== 'function') return false;
  (el as HTMLElement).focus();
  return el.ownerDocument.activeElement === el;
}

/** The element the banner renders into: first in <body>, so first in the tab order. */
export function bannerRoot(id: string): HTMLElement {
  let root = document.getElementById(id);
  if (!root) {
    root = document.createElement('div');
    root.id = id;
    document.body.prepend(root);
  }
  return root;
}

export interface FocusWatch {
  /** Call before the banner renders in answer to the visitor (the settings panel opening): what had focus then gets it back. */
  remember(): void;
  destroy(): void;
}

export function watchFocus(root: HTMLElement): FocusWatch {
  const doc = root.ownerDocument;
  const html = doc.documentElement;
  /** The last focused element outside the banner. */
  let outside: Element | null = doc.activeElement && !root.contains(doc.activeElement) ? doc.activeElement : null;
  /** The last focused element outside the settings panel: what opened it. */
  let beforeModal: Element | null = null;
  let beforeModalInBanner = false;
  let opener: Element | null = null;
  let openerWasNoticeLink = false;
  let focusInside = false;
  let modal: HTMLElement | null = null;
  let notice: HTMLElement | null = null;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as Element;
    focusInside = root.contains(target);
    if (!focusInside) outside = target;
    if (modal && !modal.contains(target)) {
      // kept inside while the panel is open
      focusables(modal)[0]?.focus();
      return;
    }
    if (!target.closest('.cm-modal')) {
      beforeModal = target;
      beforeModalInBanner = focusInside;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!modal) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      modal.querySelector<HTMLElement>('button.hide')?.click();
      return;
    }
    if (event.key !== 'Tab') return;
    const all = focusables(modal);
    if (all.length === 0) return;
    const first = all[0]!;
    const last = all[all.length - 1]!;
    const active = doc.activeElement;
    if (!modal.contains(active)) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const spacer = doc.createElement('div');
  spacer.id = `${root.id}-spacer`;
  spacer.setAttribute('aria-hidden', 'true');
  const publishInset = () => {
    if (!notice) return;
    const top = notice.getBoundingClientRect().top;
    html.style.setProperty(INSET_PROPERTY, `${Math.max(0, Math.round(html.clientHeight - top))}px`);
    if (spacer.parentNode !== doc.body || doc.body.lastElementChild !== spacer) doc.body.append(spacer);
  };
  const unpublishInset = () => {
    html.style.removeProperty(INSET_PROPERTY);
    spacer.remove();
  };
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(publishInset) : null;

  /** Where focus goes when the banner it was in goes away. */
  const restore = () => {
    if (tryFocus(outside)) return;
    const first = focusables(doc.body).find((el) => !root.contains(el));
    tryFocus(first);
  };

  const sync = () => {
    const nextModal = root.querySelector<HTMLElement>('.cm-modal');
    const nextNotice = root.querySelector<HTMLElement>('.cookie-notice:not(.cookie-notice-hidden):not(.cookie-modal-notice)');
    const lost = !doc.activeElement || doc.activeElement === doc.body || !doc.activeElement.isConnected;

    if (nextModal && !modal) {
      opener = beforeModal;
      // (the notice's own link is gone by now: the panel replaced the notice)
      openerWasNoticeLink = !!opener && beforeModalInBanner;
    }
    const closed = modal && !nextModal;
    modal = nextModal;

    if (nextNotice !== notice) {
      if (notice) resize?.unobserve(notice);
      notice = nextNotice;
      // the observer reports once the notice is laid out: no layout forced here
      if (notice) resize?.observe(notice);
      else unpublishInset();
    }

    if (closed) {
      const back = opener;
      opener = null;
      if (tryFocus(back)) return;
      if (openerWasNoticeLink && notice && tryFocus(notice.querySelector('.cn-learn-more'))) return;
      if (lost || focusInside) restore();
      return;
    }
    if (!modal && !notice && focusInside && lost) {
      focusInside = false;
      restore();
    }
  };

  const mutations = new MutationObserver(sync);
  mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('keydown', onKeyDown);
  doc.defaultView?.addEventListener('resize', publishInset);

  return {
    remember() {
      const active = doc.activeElement;
      if (active && active !== doc.body && !active.closest('.cm-modal')) {
        beforeModal = active;
        beforeModalInBanner = root.contains(active);
      }
    },
    destroy() {
      mutations.disconnect();
      resize?.disconnect();
      doc.removeEventListener('focusin', onFocusIn);
      doc.removeEventListener('keydown', onKeyDown);
      doc.defaultView?.removeEventListener('resize', publishInset);
      unpublishInset();
    },
  };
}
