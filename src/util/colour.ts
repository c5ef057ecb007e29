/** The styles Parley paints with on a terminal. */
export type Style = 'bold' | 'dim' | 'underline' | 'inverse' | 'red' | 'green' | 'yellow' | 'heading';

const SGR: Record<Style, [on: string, off: string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  underline: ['\x1b[4m', '\x1b[24m'],
  inverse: ['\x1b[7m', '\x1b[27m'],
  red: ['\x1b[31m', '\x1b[39m'],
  green: ['\x1b[32m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  heading: ['\x1b[1m\x1b[4m', '\x1b[24m\x1b[22m'],
};

/** Paints `text` in one or more styles when `on`; returns it unchanged otherwise. */
export function paint(text: string, style: Style | readonly Style[], on: boolean): string {
  if (!on || text === '') return text;
  const styles = typeof style === 'string' ? [style] : style;
  const open = styles.map((s) => SGR[s][0]).join('');
  const close = styles
    .map((s) => SGR[s][1])
    .reverse()
    .join('');
  return `${open}${text}${close}`;
}

/**
 * The one colour policy of every command. FORCE_COLOR wins (as in Node itself: `0` or `false`
 * turns colour off, any other value on), then NO_COLOR (any non-empty value, no-color.org), then
 * colour only on a terminal that is not `TERM=dumb`.
 */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
