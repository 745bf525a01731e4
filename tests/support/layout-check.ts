import type { Page } from 'playwright-core';

/** What a page must respect, besides "no overflow, no overlap, no clipping". */
export interface LayoutRules {
  /** Smallest computed font size of any visible text, in CSS px. */
  minFontPx: number;
  /** Smallest width and height of any enabled button, link or input, in CSS px. */
  minTargetPx?: number;
  /** Selectors (matched in any shadow root) whose subtree is not checked, e.g. an overlay. */
  ignore?: string[];
}

/** One thing wrong, with where it is and the sizes that show it. */
export interface LayoutProblem {
  kind: 'overflow' | 'clipped' | 'overlap' | 'off-screen' | 'small-text' | 'small-target';
  path: string;
  detail: string;
}

/**
 * Walks the page's flat tree (into every open shadow root of the Lit components) and lists every
 * text or control that overflows its box, is clipped by an ancestor, overlaps another text or
 * control, lies outside the viewport with no scroll container to reach it, or is smaller than
 * the rules allow. Text cut short by `text-overflow: ellipsis` is allowed (it is the intended
 * way for long names to fit). Runs in the page: self-contained, no imports.
 */
export function findLayoutProblems(rules: LayoutRules): LayoutProblem[] {
  const TOL = 1.5;
  const problems: LayoutProblem[] = [];
  type Box = { left: number; top: number; right: number; bottom: number };
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const docScrolls =
    getComputedStyle(document.body).overflowY !== 'hidden' &&
    getComputedStyle(document.documentElement).overflowY !== 'hidden' &&
    document.documentElement.scrollHeight > vh + TOL;

  const parentOf = (el: Element): Element | null => {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const pathOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body; e = parentOf(e)) {
      let part = e.localName;
      if (e.id) part += `#${e.id}`;
      const cls = [...e.classList].slice(0, 2);
      if (cls.length) part += `.${cls.join('.')}`;
      const p = e.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === e!.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      const root = e.getRootNode();
      parts.unshift(root instanceof ShadowRoot && !e.parentElement ? `▸ ${part}` : part);
    }
    return parts.join(' > ').replace(/ > ▸/g, ' ▸');
  };
  const size = (b: Box) =>
    `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)}`;
  const ignored = (el: Element) =>
    (rules.ignore ?? []).some((s) => {
      for (let e: Element | null = el; e; e = parentOf(e)) if (e.matches(s)) return true;
      return false;
    });
  /** Screen-reader-only text (a 1 px clipped box) is meant to be invisible. */
  const srOnly = (el: Element) => {
    for (let e: Element | null = el; e; e = parentOf(e)) {
      const s = getComputedStyle(e);
      if (s.clipPath !== 'none' && s.clipPath !== '') return true;
      if (s.clip !== 'auto' && s.clip !== '') return true;
    }
    return false;
  };
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.opacity !== '0' && el.getClientRects().length > 0;
  };
  const clips = (s: CSSStyleDeclaration) => ({
    x: s.overflowX !== 'visible',
    y: s.overflowY !== 'visible',
    scrollX: s.overflowX === 'auto' || s.overflowX === 'scroll',
    scrollY: s.overflowY === 'auto' || s.overflowY === 'scroll',
  });

  const texts: Array<{ el: Element; box: Box }> = [];
  const controls: Array<{ el: Element; box: Box }> = [];

  /**
   * Checks one box (a text's or a control's) against every ancestor that holds or clips it;
   * returns the part of it that can be seen (for the overlap check), or null.
   */
  const checkBox = (owner: Element, start: Element, box0: Box, what: string): Box | null => {
    const box = { ...box0 };
    const seen = { ...box0 };
    let reachable = false;
    for (let e: Element | null = start; e && e !== document.documentElement; e = parentOf(e)) {
      const s = getComputedStyle(e);
      if (s.display === 'contents' || s.display === 'inline') continue;
      const r = e.getBoundingClientRect();
      const c = clips(s);
      if (c.x && s.textOverflow === 'ellipsis') {
        box.left = Math.max(box.left, r.left);
        box.right = Math.min(box.right, r.right);
      }
      const outX = box.left < r.left - TOL || box.right > r.right + TOL;
      const outY = box.top < r.top - TOL || box.bottom > r.bottom + TOL;
      if (c.x || c.y) {
        seen.left = Math.max(seen.left, r.left);
        seen.right = Math.min(seen.right, r.right);
        seen.top = Math.max(seen.top, r.top);
        seen.bottom = Math.min(seen.bottom, r.bottom);
      }
      if ((outX && c.scrollX) || (outY && c.scrollY)) {
        reachable = true;
        break;
      }
      if (outX || outY) {
        const kind = c.x || c.y ? 'clipped' : 'overflow';
        problems.push({
          kind,
          path: pathOf(owner),
          detail: `${what} ${size(box)} outside ${pathOf(e)} ${size(r)}`,
        });
        return null;
      }
      if (c.scrollY || c.scrollX) break;
    }
    const shown = seen.right - seen.left > TOL && seen.bottom - seen.top > TOL ? seen : null;
    if (reachable || docScrolls) return shown;
    if (box.left < -TOL || box.top < -TOL || box.right > vw + TOL || box.bottom > vh + TOL) {
      problems.push({
        kind: 'off-screen',
        path: pathOf(owner),
        detail: `${what} ${size(box)} outside the ${vw}×${vh} viewport, nothing scrolls to it`,
      });
      return null;
    }
    return shown;
  };

  const visit = (el: Element) => {
    if (ignored(el) || !visible(el)) return;
    const s = getComputedStyle(el);
    if (s.display === 'none') return;
    const isControl = el.matches('button, a[href], input, select, textarea, [role="button"]');
    if (isControl && !srOnly(el)) {
      const r = el.getBoundingClientRect();
      const shown = checkBox(el, parentOf(el)!, r, 'control');
      if (shown) controls.push({ el, box: shown });
      const min = rules.minTargetPx;
      if (
        min &&
        !(el as HTMLButtonElement).disabled &&
        (r.width < min - 0.5 || r.height < min - 0.5)
      )
        problems.push({
          kind: 'small-target',
          path: pathOf(el),
          detail: `${Math.round(r.width)}×${Math.round(r.height)} < ${min} px`,
        });
    }
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      if (srOnly(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // A text's rects span the font's whole ascent and descent; the layout reserves only its
      // line height (centred on them), so that is the box that must fit.
      const lh = parseFloat(s.lineHeight);
      const rects = [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => {
          const h = Number.isFinite(lh) ? Math.min(r.height, lh) : r.height;
          const top = (r.top + r.bottom) / 2 - h / 2;
          return { left: r.left, right: r.right, top, bottom: top + h };
        });
      if (rects.length === 0) continue;
      const box = {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
      const text = JSON.stringify(node.textContent.trim().slice(0, 40));
      if (checkBox(el, el, box, `text ${text}`))
        for (const r of rects) {
          const shown = checkBox(el, el, r, '');
          if (shown) texts.push({ el, box: shown });
        }
      const font = parseFloat(s.fontSize);
      if (font < rules.minFontPx - 0.05)
        problems.push({
          kind: 'small-text',
          path: pathOf(el),
          detail: `text ${text} at ${font.toFixed(1)} px < ${rules.minFontPx.toFixed(1)} px`,
        });
    }
    if (el.shadowRoot) for (const c of el.shadowRoot.children) visit(c);
    for (const c of el.children) visit(c);
  };
  visit(document.body);

  /** Overlap counts when it is more than a rounding error both ways. */
  const area = (a: Box, b: Box) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > TOL && h > TOL ? w * h : 0;
  };
  const contains = (a: Element, b: Element) => {
    for (let e: Element | null = b; e; e = parentOf(e)) if (e === a) return true;
    return false;
  };
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      if (a.el === b.el) continue;
      if (area(a.box, b.box) > 4)
        problems.push({
          kind: 'overlap',
          path: pathOf(a.el),
          detail: `text ${size(a.box)} overlaps text of ${pathOf(b.el)} ${size(b.box)}`,
        });
    }
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i]!;
      const b = controls[j]!;
      if (contains(a.el, b.el) || contains(b.el, a.el)) continue;
      if (area(a.box, b.box) > 4)
        problems.push({
          kind: 'overlap',
          path: pathOf(a.el),
          detail: `control ${size(a.box)} overlaps control ${pathOf(b.el)} ${size(b.box)}`,
        });
    }
  return problems;
}

/** Runs {@link findLayoutProblems} in the page and returns its findings. */
export async function layoutProblems(page: Page, rules: LayoutRules): Promise<LayoutProblem[]> {
  return page.evaluate(findLayoutProblems, rules);
}

/** Readable lines for an assertion message. */
export function describeProblems(problems: LayoutProblem[]): string {
  return problems.map((p) => `${p.kind}: ${p.path}\n    ${p.detail}`).join('\n');
}
