import type { ActorIndexEntry } from '../actor-index.js';
import type { MentionState, Raw } from './mention-state.js';

/** A dictionary match being composed into a mention by the steps of its kind. */
export interface Composing {
  raw: Raw;
  entry: ActorIndexEntry;
  code: string | undefined;
  end: number;
  person: boolean;
  inferred: boolean;
  /** The step that gave the code. */
  rule: string;
}

/** A composition step: fires when it applies, setting the code (or deciding there is none). */
export interface ComposeStep {
  readonly name: string;
  readonly run: (st: MentionState, c: Composing) => boolean;
}

/** Runs composition steps until one fires; the name of that step becomes the mention's rule. */
export function composeFirst(steps: readonly ComposeStep[], st: MentionState, c: Composing): void {
  for (const s of steps) {
    if (s.run(st, c)) {
      c.rule = s.name;
      return;
    }
  }
}
