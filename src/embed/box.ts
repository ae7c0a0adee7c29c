/**
 * The box a placeholder takes in place of an embed's frame, so nothing
 * around it moves when one replaces the other: a pure function of what was
 * measured (unit-tested), and the measuring (the browser's).
 *
 * A frame that is laid out gives its own box: its border-box size in pixels,
 * its display (an inline frame sits on the line like an inline-block whose
 * baseline is its bottom edge), margins, float and vertical alignment, and,
 * positioned, its offsets. A frame not laid out (not yet in the page, or
 * inside something hidden) gives its `width` and `height` attributes, or the
 * vendor's ratio across the available width.
 */

/** What is known of a frame before its placeholder takes its place. */
export interface Measured {
  /** Border-box size as laid out; 0 when not laid out. */
  width: number;
  height: number;
  /** Computed styles (when laid out). */
  display?: string;
  position?: string;
  verticalAlign?: string;
  float?: string;
  margin?: [top: string, right: string, bottom: string, left: string];
  inset?: [top: string, right: string, bottom: string, left: string];
  /** Whether a positioned frame fills its containing block (the responsive "padding-top" wrapper). */
  fills?: boolean;
  /** The `width` and `height` attributes as written. */
  widthAttribute?: string | null;
  heightAttribute?: string | null;
}

/** A CSS length from a `width`/`height` attribute: digits are pixels, a percentage stays one; anything else is none. */
export function attributeLength(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(v)) return `${+v}px`;
  if (/^\d+(\.\d+)?%$/.test(v)) return v;
  return null;
}

/** The inline styles of the placeholder box (CSS property names in kebab case), for a frame measured as `m`. */
export function boxStyle(m: Measured, ratio: number): Record<string, string> {
  const style: Record<string, string> = {};
  if (m.width > 0 && m.height > 0) {
    const positioned = m.position === 'absolute' || m.position === 'fixed';
    if (positioned) {
      style.position = m.position!;
      if (m.inset) [style.top, style.right, style.bottom, style.left] = m.inset;
    }
    if (positioned && m.fills) {
      style.width = '100%';
      style.height = '100%';
    } else {
      style.width = `${m.width}px`;
      style.height = `${m.height}px`;
      style['max-width'] = '100%';
    }
    style.display = m.display === 'inline' || !m.display ? 'inline-block' : m.display;
    if (m.verticalAlign) style['vertical-align'] = m.verticalAlign;
    if (m.float && m.float !== 'none') style.float = m.float;
    if (m.margin) [style['margin-top'], style['margin-right'], style['margin-bottom'], style['margin-left']] = m.margin;
    return style;
  }
  const width = attributeLength(m.widthAttribute);
  const height = attributeLength(m.heightAttribute);
  style.display = 'inline-block';
  style['vertical-align'] = 'baseline';
  style['max-width'] = '100%';
  if (width && height) {
    style.width = width;
    style.height = height;
  } else if (width) {
    style.width = width;
    style['aspect-ratio'] = String(ratio);
  } else {
    style.width = '100%';
    if (height) style.height = height;
    else style['aspect-ratio'] = String(ratio);
  }
  return style;
}

/** Measure a frame as it is laid out now (`width`/`height` 0 when it is not). */
export function measure(frame: Element): Measured {
  const rect = frame.getBoundingClientRect();
  const found: Measured = {
    width: rect.width,
    height: rect.height,
    widthAttribute: frame.getAttribute('width'),
    heightAttribute: frame.getAttribute('height'),
  };
  if (!rect.width || !rect.height) return found;
  const s = getComputedStyle(frame);
  found.display = s.display;
  found.position = s.position;
  found.verticalAlign = s.verticalAlign;
  found.float = s.float;
  found.margin = [s.marginTop, s.marginRight, s.marginBottom, s.marginLeft];
  if (s.position === 'absolute' || s.position === 'fixed') {
    found.inset = [s.top, s.right, s.bottom, s.left];
    const parent = (frame as HTMLElement).offsetParent;
    found.fills = !!parent && Math.abs(parent.clientWidth - rect.width) < 1 && Math.abs(parent.clientHeight - rect.height) < 1;
  }
  return found;
}
