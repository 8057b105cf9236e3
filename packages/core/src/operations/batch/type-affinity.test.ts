import {
  bigInteger,
  boolean,
  enumType,
  float,
  integer,
  json,
  numeric,
  rawType,
  string,
  text,
} from '../../schema/column-types.js';
import { needsCastOnCopy } from './type-affinity.js';

describe('needsCastOnCopy', () => {
  it('casts across type families', () => {
    expect(needsCastOnCopy(string(50), integer())).toBe(true);
    expect(needsCastOnCopy(boolean(), string(5))).toBe(true);
    expect(needsCastOnCopy(integer(), numeric(10, 2))).toBe(true);
  });

  it('does not cast within a family, nor into JSON', () => {
    expect(needsCastOnCopy(integer(), bigInteger())).toBe(false);
    expect(needsCastOnCopy(string(5), text())).toBe(false);
    expect(needsCastOnCopy(string(5), enumType(['a']))).toBe(false);
    expect(needsCastOnCopy(numeric(), float())).toBe(false);
    expect(needsCastOnCopy(text(), json())).toBe(false);
  });

  it('compares raw types by their SQL', () => {
    expect(needsCastOnCopy(rawType('citext'), rawType('CITEXT'))).toBe(false);
    expect(needsCastOnCopy(rawType('CITEXT'), rawType('INT[]'))).toBe(true);
  });
});
