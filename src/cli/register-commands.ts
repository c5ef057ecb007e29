import type { Command } from '@commander-js/extra-typings';

/** Every command, in the order `parley --help` lists them. */
export function registerCommands(_program: Command): void {}
