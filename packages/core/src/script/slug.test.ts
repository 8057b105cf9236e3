import { slugifyMessage } from './slug.js';

const LONG_MESSAGE = "this is a really long name with lots of characters and also I'd like it to\nhave\nnewlines";

describe('slugifyMessage', () => {
  it('truncates at a word boundary and appends _ (reference case 32, L=40)', () => {
    expect(slugifyMessage(LONG_MESSAGE, 40)).toBe('this_is_a_really_long_name_with_lots_of_');
  });

  it('truncates at a word boundary and appends _ (reference case 32, L=60)', () => {
    expect(slugifyMessage(LONG_MESSAGE, 60)).toBe('this_is_a_really_long_name_with_lots_of_characters_and_also_');
  });

  it('keeps a slug of exactly the limit whole', () => {
    expect(slugifyMessage('abc def', 7)).toBe('abc_def');
    expect(slugifyMessage('abc def', 6)).toBe('abc_');
  });

  it('joins words with _, drops punctuation and lower-cases', () => {
    expect(slugifyMessage("Add the 'Account' table!  (v2)", 40)).toBe('add_the_account_table_v2');
    expect(slugifyMessage('snake_case_kept', 40)).toBe('snake_case_kept');
  });

  it('treats Unicode letters and digits as word characters, like Python', () => {
    expect(slugifyMessage('Ajouter la table « élève » ٣', 40)).toBe('ajouter_la_table_élève_٣');
    expect(slugifyMessage('日本語 テーブル', 40)).toBe('日本語_テーブル');
  });

  it('counts code points, not UTF-16 units', () => {
    // Each mathematical bold letter is one code point but two UTF-16 units.
    const bold = '\u{1D400}\u{1D401}\u{1D402}';
    expect(slugifyMessage(`${bold} ${bold}`, 7)).toBe(`${bold}_${bold}`);
    expect(slugifyMessage(`${bold} ${bold}`, 6)).toBe(`${bold}_`);
  });

  it('cuts inside a word when the cut has no _', () => {
    expect(slugifyMessage('abcdefghij', 4)).toBe('abcd_');
  });

  it('gives an empty slug for an empty or missing message', () => {
    expect(slugifyMessage(undefined, 40)).toBe('');
    expect(slugifyMessage(null, 40)).toBe('');
    expect(slugifyMessage('', 40)).toBe('');
    expect(slugifyMessage('!!! ...', 40)).toBe('');
  });
});
