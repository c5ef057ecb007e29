/**
 * The reader's rules are small named steps run in a documented order (docs/reader.md). A step looks
 * at a shared state, may change it, and says whether it fired; the names of the steps that fired
 * travel with each event (`rule`) and are printed by `parley read --explain`.
 */
export interface Step<S> {
  readonly name: string;
  readonly run: (state: S) => boolean;
}

export function step<S>(name: string, run: (state: S) => boolean): Step<S> {
  return { name, run };
}

/** Runs every step in order; the names of those that fired are added to `fired`. */
export function runAll<S>(steps: readonly Step<S>[], state: S, fired: string[]): void {
  for (const s of steps) if (s.run(state)) fired.push(s.name);
}

/** Runs the steps in order until one fires; returns its name. */
export function runFirst<S>(steps: readonly Step<S>[], state: S): string | undefined {
  for (const s of steps) if (s.run(state)) return s.name;
  return undefined;
}
