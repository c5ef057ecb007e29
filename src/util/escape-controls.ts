/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls (NUL, ESC, newline,
 * tab, DEL), the line and paragraph separators, and the bidirectional overrides and isolates that
 * can make text display in another order than it is stored.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const n = ch.codePointAt(0)!;
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * Text from the store or from a file, made safe for one line of a terminal: each control
 * character is shown as an escape (`\n`, `\x1b`, `\u202e`) instead of acting. With `keepSgr`,
 * colour sequences (`ESC [ … m`) pass: they are what the styles paint with, and can only change
 * colours.
 */
export function escapeControls(text: string, options: { keepSgr?: boolean } = {}): string {
  const pattern = options.keepSgr ? CONTROL_OR_SGR : CONTROL;
  return text.replace(pattern, (m) => (m.length > 1 ? m : visible(m)));
}

const SGR = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /^[\p{M}\u200b-\u200d\ufeff]$/u;
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;

/** Columns a string takes on a terminal: colour sequences and combining marks take none, CJK and emoji two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(SGR, '')) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}
