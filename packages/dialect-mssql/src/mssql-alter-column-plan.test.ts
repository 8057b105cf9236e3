import { alterColumnOperation, integer, sql, string } from '@alembic/core/dialect';
import { planMssqlAlterColumn } from './mssql-alter-column-plan.js';

describe('planMssqlAlterColumn', () => {
  it('restates the new type, else the existing one, for nullability', () => {
    expect(
      planMssqlAlterColumn(
        alterColumnOperation({
          tableName: 't',
          columnName: 'c',
          nullable: false,
          type: integer(),
          existingType: string(5),
        }),
      ),
    ).toEqual({
      dropDefault: false,
      alterColumn: { type: integer(), nullable: false },
    });
    expect(
      planMssqlAlterColumn(
        alterColumnOperation({ tableName: 't', columnName: 'c', nullable: true, existingType: string(5) }),
      ),
    ).toEqual({
      dropDefault: false,
      alterColumn: { type: string(5), nullable: true },
    });
  });

  it("refuses nullability without any type, with Alembic's message", () => {
    expect(() =>
      planMssqlAlterColumn(alterColumnOperation({ tableName: 't', columnName: 'c', nullable: true })),
    ).toThrow(
      /^MS-SQL ALTER COLUMN operations with NULL or NOT NULL require the existing_type or a new type_ be passed\./,
    );
  });

  it('warns about a type change that does not say the nullability', () => {
    expect(
      planMssqlAlterColumn(alterColumnOperation({ tableName: 't', columnName: 'c', type: integer() })).warning,
    ).toMatch(/existingNullable/);
  });

  it('drops the default only when one is known, or when it is removed', () => {
    const plan = (fields: Partial<Parameters<typeof alterColumnOperation>[0]>) =>
      planMssqlAlterColumn(alterColumnOperation({ tableName: 't', columnName: 'c', ...fields }));
    expect(plan({ serverDefault: 'x' })).toEqual({ dropDefault: false, addDefault: 'x' });
    expect(plan({ serverDefault: 'x', existingServerDefault: 'y' })).toEqual({ dropDefault: true, addDefault: 'x' });
    expect(plan({ serverDefault: 'x', existingServerDefault: null })).toEqual({ dropDefault: false, addDefault: 'x' });
    expect(plan({ serverDefault: null })).toEqual({ dropDefault: true });
    expect(plan({ serverDefault: null, existingServerDefault: null })).toEqual({ dropDefault: false });
    expect(plan({ type: integer(), existingNullable: true, existingServerDefault: sql('0') })).toEqual({
      dropDefault: true,
      alterColumn: { type: integer(), nullable: true },
      addDefault: sql('0'),
    });
    expect(plan({ nullable: false, existingType: integer(), existingServerDefault: sql('0') })).toEqual({
      dropDefault: false,
      alterColumn: { type: integer(), nullable: false },
    });
  });
});
