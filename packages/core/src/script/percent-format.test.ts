import { AlembicError } from '../errors/alembic-error.js';
import { FileTemplateError } from '../errors/file-template-error.js';
import { formatPercentTemplate } from './percent-format.js';

function errorOf(run: () => unknown): FileTemplateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FileTemplateError);
    return error as FileTemplateError;
  }
  throw new Error('expected a FileTemplateError');
}

describe('formatPercentTemplate', () => {
  it('renders the default Alembic template', () => {
    expect(formatPercentTemplate('%(rev)s_%(slug)s', { rev: 'ae1027a6acf', slug: 'add_account' })).toBe(
      'ae1027a6acf_add_account',
    );
  });

  it('renders numbers with %s unpadded and with %d / %i', () => {
    const values = { month: 7, day: 5 };
    expect(formatPercentTemplate('%(month)s-%(day)d-%(day)i', values)).toBe('7-5-5');
  });

  it('pads integers to the precision (minimum digits)', () => {
    expect(formatPercentTemplate('%(month).2d', { month: 7 })).toBe('07');
    expect(formatPercentTemplate('%(month).2d', { month: 12 })).toBe('12');
    expect(formatPercentTemplate('%(year).2d', { year: 2024 })).toBe('2024');
    expect(formatPercentTemplate('%(n)5.3d|', { n: 7 })).toBe('  007|');
    expect(formatPercentTemplate('%(n).d|%(n).0d', { n: 0 })).toBe('0|0');
  });

  it('applies the flags as Python does', () => {
    expect(formatPercentTemplate('%(n)05d', { n: 42 })).toBe('00042');
    expect(formatPercentTemplate('%(n)05d', { n: -7 })).toBe('-0007');
    expect(formatPercentTemplate('%(n)08.3d', { n: 7 })).toBe('00000007');
    expect(formatPercentTemplate('%(n)-8.3d|', { n: 7 })).toBe('007     |');
    expect(formatPercentTemplate('%(n)-05d|', { n: 3 })).toBe('3    |');
    expect(formatPercentTemplate('%(n)+.2d', { n: 7 })).toBe('+07');
    expect(formatPercentTemplate('%(n) 05d', { n: 7 })).toBe(' 0007');
    expect(formatPercentTemplate('%(n)+ d', { n: 7 })).toBe('+7');
    expect(formatPercentTemplate('%(n)#5d', { n: 3 })).toBe('    3');
    expect(formatPercentTemplate('%(n)ld%(n)hd', { n: 3 })).toBe('33');
  });

  it('truncates and pads strings; the 0 flag does not apply to them', () => {
    expect(formatPercentTemplate('%(s).3s', { s: 'abcdef' })).toBe('abc');
    expect(formatPercentTemplate('%(s)5.2s|', { s: 12345 })).toBe('   12|');
    expect(formatPercentTemplate('%(s)-5.1s|', { s: 'abc' })).toBe('a    |');
    expect(formatPercentTemplate('%(s)05s', { s: 'ab' })).toBe('   ab');
  });

  it('truncates floats for %d', () => {
    expect(formatPercentTemplate('%(n)d', { n: 2.7 })).toBe('2');
    expect(formatPercentTemplate('%(n)d', { n: -2.7 })).toBe('-2');
  });

  it('renders %% as a percent sign and leaves other text alone', () => {
    expect(formatPercentTemplate('100%% %(a)s/x', { a: 'b' })).toBe('100% b/x');
    expect(formatPercentTemplate('no directives', {})).toBe('no directives');
  });

  it('accepts keys with nested parentheses, as Python does', () => {
    expect(formatPercentTemplate('%(a(b))s', { 'a(b)': 1 })).toBe('1');
  });

  it('raises a typed error naming the template and the unknown key', () => {
    const error = errorOf(() => formatPercentTemplate('%(rev)s_%(sulg)s', { rev: 'a', slug: 'b' }));
    expect(error.code).toBe('ALEMBIC_FILE_TEMPLATE');
    expect(AlembicError.isInstance(error)).toBe(true);
    expect(error.key).toBe('sulg');
    expect(error.template).toBe('%(rev)s_%(sulg)s');
    expect(error.message).toBe("Unknown token 'sulg' in file template '%(rev)s_%(sulg)s'; available tokens: rev, slug");
  });

  it('does not look keys up on the prototype', () => {
    expect(() => formatPercentTemplate('%(toString)s', {})).toThrow(FileTemplateError);
  });

  it.each([
    ['%s', undefined],
    ['% (a)s', undefined],
    ['%(a', undefined],
    ['%(a)', 'a'],
    ['%(a)5', 'a'],
    ['%(a)z', 'a'],
    ['%(a)x', 'a'],
    ['%(a)*d', 'a'],
    ['abc%', undefined],
  ])('rejects the malformed template %j', (template, key) => {
    const error = errorOf(() => formatPercentTemplate(template, { a: 1 }));
    expect(error.code).toBe('ALEMBIC_FILE_TEMPLATE');
    expect(error.key).toBe(key);
    expect(error.message).toContain(`'${template}'`);
    expect(error.message).toMatch(/^Malformed directive/);
  });

  it('rejects %d of a string, as Python does', () => {
    const error = errorOf(() => formatPercentTemplate('%(rev)d', { rev: 'ae10' }));
    expect(error.key).toBe('rev');
    expect(error.message).toContain("'rev'");
  });
});
