import type { CreateDate } from './create-date.js';
import { formatPercentTemplate } from './percent-format.js';
import { slugifyMessage } from './slug.js';

/** Alembic's default `file_template`: the revision id, then the slug of the message. */
export const DEFAULT_FILE_TEMPLATE = '%(rev)s_%(slug)s';

/** Alembic's default `truncate_slug_length`. */
export const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;

/** What {@link renderRevisionFileName} needs to name a new revision file. */
export interface RevisionFileNameInput {
  /** Python `%`-format template, e.g. {@link DEFAULT_FILE_TEMPLATE}; may contain `/`. */
  readonly fileTemplate: string;
  readonly revisionId: string;
  /** The revision message (`-m`); empty or missing gives an empty slug. */
  readonly message: string | null | undefined;
  readonly truncateSlugLength: number;
  /** The create date, from `resolveCreateDate()`. */
  readonly date: CreateDate;
  /** Appended to the rendered template, with its dot: `.ts`. */
  readonly extension: string;
}

/**
 * Names a new revision file: renders `fileTemplate` with the tokens `rev`, `slug`, `epoch`,
 * `year`, `month`, `day`, `hour`, `minute`, `second` (the date tokens are numbers, so
 * `%(month).2d` pads and `%(month)s` does not) and appends `extension`. The result is relative to
 * the version location; a `/` in the template makes subdirectories.
 *
 * ```ts
 * renderRevisionFileName({
 *   fileTemplate: '%(year)d/%(month).2d/%(day).2d_%(rev)s_%(slug)s',
 *   revisionId: 'ae1027a6acf',
 *   message: 'Test message',
 *   truncateSlugLength: 40,
 *   date: resolveCreateDate(new Date('2024-12-26T10:00:00Z'), 'UTC'),
 *   extension: '.ts',
 * }); // '2024/12/26_ae1027a6acf_test_message.ts'
 * ```
 *
 * @throws FileTemplateError (`ALEMBIC_FILE_TEMPLATE`) for an unknown token or a malformed directive.
 */
export function renderRevisionFileName(input: RevisionFileNameInput): string {
  const { date } = input;
  const tokens: Record<string, string | number> = {
    rev: input.revisionId,
    slug: slugifyMessage(input.message, input.truncateSlugLength),
    epoch: date.epoch,
    year: date.year,
    month: date.month,
    day: date.day,
    hour: date.hour,
    minute: date.minute,
    second: date.second,
  };
  return formatPercentTemplate(input.fileTemplate, tokens) + input.extension;
}
