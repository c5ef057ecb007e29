import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Mounts a chart drawn by a function of the document and a width (the shared chart functions of
 * src/charts). Redrawn when its data change or its box is resized.
 */
export function Chart({
  draw,
  label,
  deps,
}: {
  draw: (doc: Document, width: number) => Element;
  label: string;
  deps: unknown[];
}) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current!;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (!width) return;
    const el = ref.current!;
    try {
      el.replaceChildren(draw(document, Math.min(width, 1400)));
      // Plot names its marks with aria-label: allowed on a group, not on a bare shape (the frame).
      for (const g of el.querySelectorAll('svg [aria-label]:not([role])'))
        if (g.tagName === 'g') g.setAttribute('role', 'group');
        else g.removeAttribute('aria-label');
    } catch (err) {
      el.textContent = `The chart could not be drawn: ${(err as Error).message}`;
    }
  }, [width, ...deps]);
  return <figure class="chart" ref={ref} aria-label={label} />;
}
