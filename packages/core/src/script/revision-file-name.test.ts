import { FileTemplateError } from '../errors/file-template-error.js';
import { resolveCreateDate } from './create-date.js';
import { DEFAULT_FILE_TEMPLATE, DEFAULT_TRUNCATE_SLUG_LENGTH, renderRevisionFileName } from './revision-file-name.js';

const JULY_25_2012 = resolveCreateDate(new Date(Date.UTC(2012, 6, 25, 15, 8, 5)), 'UTC');

describe('renderRevisionFileName', () => {
  it('uses rev and slug with the default template', () => {
    expect(
      renderRevisionFileName({
        fileTemplate: DEFAULT_FILE_TEMPLATE,
        revisionId: 'ae1027a6acf',
        message: 'Add account table',
        truncateSlugLength: DEFAULT_TRUNCATE_SLUG_LENGTH,
        date: JULY_25_2012,
        extension: '.ts',
      }),
    ).toBe('ae1027a6acf_add_account_table.ts');
  });

  it('truncates the slug (reference case 32)', () => {
    const message = "this is a really long name with lots of characters and also I'd like it to\nhave\nnewlines";
    const base = {
      fileTemplate: DEFAULT_FILE_TEMPLATE,
      revisionId: 'abc123',
      message,
      date: JULY_25_2012,
      extension: '.ts',
    };
    expect(renderRevisionFileName({ ...base, truncateSlugLength: 40 })).toBe(
      'abc123_this_is_a_really_long_name_with_lots_of_.ts',
    );
    expect(renderRevisionFileName({ ...base, truncateSlugLength: 60 })).toBe(
      'abc123_this_is_a_really_long_name_with_lots_of_characters_and_also_.ts',
    );
  });

  it('renders the date tokens as unpadded numbers with %s (reference case 32)', () => {
    expect(
      renderRevisionFileName({
        fileTemplate: '%(rev)s_%(slug)s_%(year)s_%(month)s_%(day)s_%(hour)s_%(minute)s_%(second)s',
        revisionId: '12345',
        message: 'this is a message',
        truncateSlugLength: 40,
        date: JULY_25_2012,
        extension: '.ts',
      }),
    ).toBe('12345_this_is_a_message_2012_7_25_15_8_5.ts');
  });

  it('renders the epoch token (reference case 32)', () => {
    expect(
      renderRevisionFileName({
        fileTemplate: '%(epoch)s_%(rev)s_%(slug)s',
        revisionId: '12345',
        message: 'this is a message',
        truncateSlugLength: 40,
        date: JULY_25_2012,
        extension: '.js',
      }),
    ).toBe('1343228885_12345_this_is_a_message.js');
  });

  it('pads with %.2d and makes subdirectories (reference case 33)', () => {
    expect(
      renderRevisionFileName({
        fileTemplate: '%(year)d/%(month).2d/%(day).2d_%(rev)s_%(slug)s',
        revisionId: 'ae1027a6acf',
        message: 'test message',
        truncateSlugLength: 40,
        date: resolveCreateDate(new Date('2024-12-26T10:00:00Z'), 'UTC'),
        extension: '.ts',
      }),
    ).toBe('2024/12/26_ae1027a6acf_test_message.ts');
    expect(
      renderRevisionFileName({
        fileTemplate: '%(year)d/%(month).2d/%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s',
        revisionId: 'ae10',
        message: null,
        truncateSlugLength: 40,
        date: JULY_25_2012,
        extension: '.ts',
      }),
    ).toBe('2012/07/25_150805_ae10.ts');
  });

  it('uses the wall-clock fields of the configured zone', () => {
    expect(
      renderRevisionFileName({
        fileTemplate: '%(hour)d_%(rev)s',
        revisionId: 'r1',
        message: '',
        truncateSlugLength: 40,
        date: resolveCreateDate(new Date(Date.UTC(2012, 6, 25, 15, 8, 5)), 'EST5EDT'),
        extension: '.ts',
      }),
    ).toBe('11_r1.ts');
  });

  it('rejects an unknown token with a typed error', () => {
    expect(() =>
      renderRevisionFileName({
        fileTemplate: '%(rev)s_%(week)s',
        revisionId: 'r1',
        message: 'x',
        truncateSlugLength: 40,
        date: JULY_25_2012,
        extension: '.ts',
      }),
    ).toThrow(
      new FileTemplateError(
        '%(rev)s_%(week)s',
        'week',
        "Unknown token 'week' in file template '%(rev)s_%(week)s'; available tokens: rev, slug, epoch, year, month, day, hour, minute, second",
      ),
    );
  });
});
