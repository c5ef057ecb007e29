import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaces } from './places.js';

describe('loadPlaces', () => {
  it('reads the project places and refuses a bad row with its file, line and field', () => {
    expect(loadPlaces().find((p) => p.name === 'Jeddah')?.country).toBe('SAU');
    const file = join(mkdtempSync(join(tmpdir(), 'parley-places-')), 'places.tsv');
    writeFileSync(file, '# places\nname\tcountry\nJeddah\tSAU\nAlmaty\tkz\n');
    expect(() => loadPlaces(file)).toThrow(/places\.tsv:4 \(field country\): "kz" is not a 3-letter country code/);
  });
});
