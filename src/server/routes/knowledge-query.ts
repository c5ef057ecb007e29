import { z } from '@hono/zod-openapi';
import { dateQuery } from './route-kit.js';

/**
 * The query fields that choose what knowledge a reading uses, as `--hindsight` and `--known-by`
 * do on the command line. Without them a brief, a check or a timeline is read as known on the
 * date asked about.
 */
export const knowledgeQuery = {
  hindsight: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'use everything on record, not only what was known on the date asked about' }),
  knownBy: dateQuery
    .optional()
    .openapi({ description: 'use what was known by this date (on or after the date asked about)' }),
};

/** The reading options the knowledge fields of a query ask for; their messages name the query fields. */
export function knowledgeOf(q: { hindsight?: 'true' | 'false' | undefined; knownBy?: string | undefined }): {
  hindsight?: boolean;
  knownBy?: string;
  askedBy: 'query';
} {
  return {
    askedBy: 'query',
    ...(q.hindsight === 'true' ? { hindsight: true } : {}),
    ...(q.knownBy ? { knownBy: q.knownBy } : {}),
  };
}
