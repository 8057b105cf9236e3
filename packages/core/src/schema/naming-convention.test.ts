import { NamingConventionError } from '../errors/naming-convention-error.js';
import { convertedName } from './converted-name.js';
import type { NamingConvention } from './naming-convention.js';
import { defaultNamingConvention, resolveConstraintName } from './naming-convention.js';

const subject = {
  tableName: 'user',
  columnNames: ['team_id', 'role'],
  referredTableName: 'team',
  referredColumnNames: ['id', 'kind'],
};

describe('resolveConstraintName', () => {
  it('names indexes ix_<table>_<column> by default', () => {
    expect(resolveConstraintName(undefined, 'ix', subject, defaultNamingConvention)).toBe('ix_user_team_id');
  });

  it('fills every token', () => {
    const convention: NamingConvention = {
      fk: '%(table_name)s|%(column_0_name)s|%(column_0N_name)s|%(column_0_N_name)s|%(column_0_label)s|%(column_0_key)s|%(referred_table_name)s|%(referred_column_0_name)s|%(referred_column_0N_name)s|%(referred_column_0_N_name)s|100%%',
    };
    expect(resolveConstraintName(undefined, 'fk', subject, convention)).toBe(
      'user|team_id|team_idrole|team_id_role|user_team_id|team_id|team|id|idkind|id_kind|100%',
    );
  });

  it('keeps a given name unless the template uses %(constraint_name)s', () => {
    const convention: NamingConvention = {
      uq: 'uq_%(table_name)s_%(column_0_name)s',
      ck: 'ck_%(table_name)s_%(constraint_name)s',
    };
    expect(resolveConstraintName('mine', 'uq', subject, convention)).toBe('mine');
    expect(resolveConstraintName('positive', 'ck', subject, convention)).toBe('ck_user_positive');
  });

  it('uses converted names verbatim', () => {
    expect(
      resolveConstraintName(convertedName('ck_user_positive'), 'ck', subject, {
        ck: 'ck_%(table_name)s_%(constraint_name)s',
      }),
    ).toBe('ck_user_positive');
  });

  it('returns the given name, or none, without a template for the kind', () => {
    expect(resolveConstraintName('x', 'pk', subject, {})).toBe('x');
    expect(resolveConstraintName(undefined, 'pk', subject, {})).toBeUndefined();
  });

  it('explains what is missing', () => {
    const convention: NamingConvention = {
      ck: 'ck_%(table_name)s_%(constraint_name)s',
      uq: 'uq_%(column_0_name)s',
      pk: 'pk_%(nonsense)s',
      ix: 'ix_%(referred_table_name)s',
    };
    expect(() => resolveConstraintName(undefined, 'ck', subject, convention)).toThrow(/explicitly named/);
    expect(() => resolveConstraintName(undefined, 'uq', { tableName: 't', columnNames: [] }, convention)).toThrow(
      /names none/,
    );
    expect(() => resolveConstraintName(undefined, 'pk', subject, convention)).toThrow(/unknown token %\(nonsense\)s/);
    expect(() => resolveConstraintName(undefined, 'ix', { tableName: 't', columnNames: ['a'] }, convention)).toThrow(
      NamingConventionError,
    );
  });
});
