import { splitNamedParameters } from './named-parameters.js';

describe('splitNamedParameters', () => {
  it('splits around :name parameters', () => {
    expect(splitNamedParameters('UPDATE t SET a = :value WHERE id = :id')).toEqual([
      { text: 'UPDATE t SET a = ' },
      { parameterName: 'value' },
      { text: ' WHERE id = ' },
      { parameterName: 'id' },
    ]);
  });

  it('keeps PostgreSQL casts', () => {
    expect(splitNamedParameters('SELECT a::integer, b :: text')).toEqual([{ text: 'SELECT a::integer, b :: text' }]);
  });

  it('treats a parameter followed by a cast as a parameter', () => {
    expect(splitNamedParameters('SELECT :value::integer')).toEqual([
      { text: 'SELECT ' },
      { parameterName: 'value' },
      { text: '::integer' },
    ]);
  });

  it('ignores a colon after a word character or before a single colon', () => {
    expect(splitNamedParameters("SELECT 'a:b', :x:y")).toEqual([{ text: "SELECT 'a:b', :x:y" }]);
  });

  it('turns \\: into a literal colon', () => {
    expect(splitNamedParameters('SELECT \\:notParameter, :yes')).toEqual([
      { text: 'SELECT :notParameter, ' },
      { parameterName: 'yes' },
    ]);
  });

  it('leaves a lone colon as text', () => {
    expect(splitNamedParameters('a : b :')).toEqual([{ text: 'a : b :' }]);
  });
});
