/**
 * A regression corpus from TypeORM's issue tracker (issue 9, point 7): for each issue where
 * `typeorm migration:generate` regenerates the same change on every run, drops and re-adds
 * what did not change, or guesses a rename, a small entity reproducing what the issue reports,
 * turned into a model by `fromDataSource` and taken through autogenerate on the live server:
 * generated from the empty schema, applied, and compared again, which must find nothing; then
 * downgraded to nothing. Each test is named by its issue; PostgreSQL issues run on PostgreSQL,
 * MySQL ones on the MariaDB server. Both TypeORM lines (0.3 and 1.x) build the entities.
 *
 * Left out, because `@alembic/typeorm` does not map them: enum arrays (`type: 'enum', array:
 * true`, typeorm#3587): a PostgreSQL array of a native enum needs its enum type created before
 * the table, which the core model's raw array type does not do.
 */
import { sql } from '@alembic/core';
import type { MetadataModel } from '@alembic/core';
import type { ConformanceHarness } from '@alembic/testing';
import {
  describeWhenReachable,
  mysqlHarness,
  mysqlUnavailableReason,
  postgresHarness,
  postgresUnavailableReason,
} from './support/live-servers.js';
import {
  TYPEORM_LINES,
  compareAfter,
  expectStableChange,
  expectStableRoundTrip,
  modelColumn,
  modelOf,
  tableNamed,
} from './support/typeorm-round-trip.js';

jest.setTimeout(60_000);

/** Operation kinds of a plan, in order. */
function kindsOf(operations: readonly { operation: { kind: string } }[]): string[] {
  return operations.map((planned) => planned.operation.kind);
}

describe.each(TYPEORM_LINES)('TypeORM %s entities', (_line, typeorm) => {
  const {
    Column,
    CreateDateColumn,
    Entity,
    Index,
    JoinColumn,
    ManyToOne,
    PrimaryColumn,
    PrimaryGeneratedColumn,
    Unique,
    UpdateDateColumn,
  } = typeorm;

  describeWhenReachable(postgresUnavailableReason, 'on PostgreSQL', () => {
    const harness: ConformanceHarness = postgresHarness();
    const postgresModel = (entities: readonly unknown[] | Record<string, unknown>): Promise<MetadataModel> =>
      modelOf(typeorm, 'postgres', entities);

    it('typeorm#3076: a negative integer default, a 0 default and an empty text[] default are not regenerated', async () => {
      @Entity('tr3076_playlist')
      class Playlist {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ type: 'bigint' }) user!: string;
        @Column({ type: 'text', array: true, default: () => 'ARRAY[]::text[]' }) songs!: string[];
        @Column({ default: 0 }) plays!: number;
        @Column({ default: -1 }) position!: number;
        @Column({ type: 'integer', default: '-1' }) rank!: number;
      }
      const model = await postgresModel([Playlist]);
      expect(modelColumn(model, 'tr3076_playlist', 'position').serverDefault).toEqual(sql("'-1'"));
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#5132: bigint defaults of -1 and 1, and boolean defaults false and true, are not regenerated', async () => {
      @Entity('tr5132_foo')
      class Foo {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ default: 1, type: 'bigint' }) plusOne!: number;
        @Column({ default: -1, type: 'bigint' }) minusOne!: number;
        @Column({ default: false }) archived!: boolean;
        @Column({ type: 'boolean', default: true }) visible!: boolean;
      }
      const model = await postgresModel([Foo]);
      expect(modelColumn(model, 'tr5132_foo', 'archived').serverDefault).toEqual(sql('false'));
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#7955: now() and CURRENT_TIMESTAMP defaults, @CreateDateColumn and @UpdateDateColumn are not regenerated', async () => {
      @Entity('tr7955_event')
      class Event {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ type: 'timestamp', default: () => 'now()' }) startsAt!: Date;
        @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' }) seenAt!: Date;
        @Column({ type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' }) zonedAt!: Date;
        @Column({ type: 'date', default: () => 'CURRENT_DATE' }) day!: string;
        @CreateDateColumn() createdAt!: Date;
        @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
      }
      const model = await postgresModel([Event]);
      expect(modelColumn(model, 'tr7955_event', 'createdAt').serverDefault).toEqual(sql('now()'));
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#9750: a gen_random_uuid() default, declared or from uuidExtension pgcrypto, is not dropped and set again', async () => {
      @Entity('tr9750_module_settings')
      class ModuleSettings {
        @PrimaryColumn('uuid', { name: 'id', default: () => 'gen_random_uuid()' }) id!: string;
        @Column('jsonb') settings!: Record<string, unknown>;
      }
      @Entity('tr9750_requested_song')
      class RequestedSong {
        @PrimaryGeneratedColumn('uuid') id!: string;
        @Column() title!: string;
      }
      const model = await postgresModel({ uuidExtension: 'pgcrypto', entities: [ModuleSettings, RequestedSong] });
      expect(modelColumn(model, 'tr9750_requested_song', 'id').serverDefault).toEqual(sql('gen_random_uuid()'));
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#10038: jsonb defaults (spaced text, keys out of order, an empty object) are not regenerated', async () => {
      @Entity('tr10038_user')
      class Usager {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ type: 'jsonb', nullable: false, default: '{"countryCode":"fr", "numero":""}' }) telephone!: unknown;
        @Column({ type: 'jsonb', default: () => `'{"z": 1, "a": 2}'` }) ordered!: unknown;
        @Column({ type: 'jsonb', default: {} }) empty!: unknown;
        @Column({ type: 'json', default: '[]' }) list!: unknown;
      }
      const model = await postgresModel([Usager]);
      expect(modelColumn(model, 'tr10038_user', 'telephone').serverDefault).toBe('{"countryCode":"fr", "numero":""}');
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#2959: a native enum in a composite primary key with a relation is not dropped and created again', async () => {
      enum SocialType {
        Google,
        Twitter,
      }
      @Entity('tr2959_user')
      class User {
        @PrimaryGeneratedColumn() id!: number;
      }
      @Entity('tr2959_social_login')
      @Index(['type', 'clientId'], { unique: true })
      class SocialLogin {
        @PrimaryColumn('enum', { enum: SocialType }) type!: SocialType;
        @PrimaryColumn() userId!: number;
        @ManyToOne(() => User, { onDelete: 'CASCADE' })
        @JoinColumn({ name: 'userId' })
        user!: User;
        @CreateDateColumn() createdAt!: Date;
        @UpdateDateColumn() updatedAt!: Date;
        @Column('text') clientId!: string;
      }
      const model = await postgresModel([User, SocialLogin]);
      expect(modelColumn(model, 'tr2959_social_login', 'type').type).toMatchObject({
        kind: 'enum',
        name: 'tr2959_social_login_type_enum',
      });
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#7614: a native enum with a custom enumName, in a composite primary key and an index, is not dropped and re-added', async () => {
      enum Provider {
        Google = 'google',
        Github = 'github',
      }
      @Entity('tr7614_external_user')
      class ExternalUser {
        @PrimaryColumn() id!: string;
        @Index()
        @PrimaryColumn({ type: 'enum', enum: Provider, enumName: 'tr7614_external_user_provider' })
        provider!: Provider;
        @Column({ nullable: true }) email!: string;
      }
      const model = await postgresModel([ExternalUser]);
      expect(modelColumn(model, 'tr7614_external_user', 'provider').type).toMatchObject({
        kind: 'enum',
        name: 'tr7614_external_user_provider',
      });
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#6471: a native enum with a custom enumName (and one equal to the generated name) is not recreated', async () => {
      enum CreationMechanism {
        SourceA = 'SOURCE_A',
        SourceB = 'SOURCE_B',
      }
      @Entity('tr6471_some_entity')
      @Unique(['field1', 'field2'])
      class SomeEntity {
        @PrimaryGeneratedColumn() id!: number;
        @Column() field1!: string;
        @Column() field2!: string;
        @Column({ type: 'enum', enumName: 'tr6471_creation_mechanism_enum', enum: CreationMechanism })
        creationMechanism!: CreationMechanism;
        @Column({
          type: 'enum',
          enumName: 'tr6471_some_entity_kind_enum',
          enum: CreationMechanism,
          default: CreationMechanism.SourceB,
        })
        kind!: CreationMechanism;
        @Column({ nullable: false, default: () => 'now()' }) createdAt!: Date;
      }
      const model = await postgresModel([SomeEntity]);
      expect(modelColumn(model, 'tr6471_some_entity', 'creationMechanism').type).toMatchObject({
        kind: 'enum',
        name: 'tr6471_creation_mechanism_enum',
      });
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#5901: numeric and decimal without precision are not altered to numeric again', async () => {
      @Entity('tr5901_account_payment')
      class AccountPayment {
        @PrimaryGeneratedColumn() id!: number;
        @Column('numeric') feeAmount!: string;
        @Column({ type: 'decimal', nullable: true }) taxAmount!: string | null;
        @Column({ type: 'numeric', precision: 12 }) grossAmount!: string;
        @Column({ type: 'numeric', precision: 12, scale: 4 }) rate!: string;
      }
      const model = await postgresModel([AccountPayment]);
      expect(modelColumn(model, 'tr5901_account_payment', 'feeAmount').type).toEqual({ kind: 'numeric' });
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#6140: a decimal default of 0.00 is not altered to 0 again', async () => {
      @Entity('tr6140_user')
      class User {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ type: 'decimal', precision: 22, scale: 2, default: 0.0 }) bday!: number;
        @Column({ type: 'decimal', precision: 22, scale: 2, default: '0.00' }) balance!: string;
        @Column({ type: 'decimal', precision: 11, scale: 8, default: 0 }) lat!: number;
      }
      await expectStableRoundTrip(harness, await postgresModel([User]));
    });

    it('typeorm#5117: a foreign key is matched by what it does, not by name: a differently named one is not dropped and re-added', async () => {
      const entities = (foreignKeyName: string | undefined) => {
        @Entity('tr5117_author')
        class Author {
          @PrimaryGeneratedColumn() id!: number;
        }
        @Entity('tr5117_book')
        class Book {
          @PrimaryGeneratedColumn() id!: number;
          @ManyToOne(() => Author, { onDelete: 'CASCADE' })
          @JoinColumn(
            foreignKeyName === undefined
              ? { name: 'authorId' }
              : { name: 'authorId', foreignKeyConstraintName: foreignKeyName },
          )
          author!: Author;
        }
        return [Author, Book];
      };
      const named = await postgresModel(entities('fk_book_author_legacy'));
      const computed = await postgresModel(entities(undefined));
      const computedName = tableNamed(computed, 'tr5117_book').constraints.find(
        (constraint) => constraint.kind === 'foreignKeyConstraint',
      )?.name;
      expect(computedName).toMatch(/^FK_[0-9a-f]{27}$/);
      // A database whose foreign key has another name (an older naming strategy, a hand-written
      // migration): nothing to do.
      const { plan } = await compareAfter(harness, named, computed);
      expect(kindsOf(plan.upgrade)).toEqual([]);
      // And the computed name survives its own round trip.
      await expectStableRoundTrip(harness, computed);
    });

    it('typeorm#3357: widening a varchar is one alterColumn, never a drop and an add', async () => {
      const entities = (length: number) => {
        @Entity('tr3357_profile')
        class Profile {
          @PrimaryGeneratedColumn() id!: number;
          @Column({ length }) nickname!: string;
        }
        return [Profile];
      };
      const before = await postgresModel(entities(50));
      const after = await postgresModel(entities(100));
      const { plan } = await compareAfter(harness, before, after);
      expect(kindsOf(plan.upgrade)).toEqual(['alterColumn']);
      expect(plan.upgrade[0]?.operation).toMatchObject({
        tableName: 'tr3357_profile',
        columnName: 'nickname',
        type: { kind: 'string', length: 100 },
      });
      expect(plan.upgrade[0]?.dataLoss).toBeUndefined();
      await expectStableChange(harness, before, after);
    });

    it('typeorm#6376: a renamed property is never guessed as a rename: add and drop, with a comment suggesting --rename', async () => {
      const entities = (renamed: boolean) => {
        @Entity('tr6376_person')
        class Person {
          @PrimaryGeneratedColumn() id!: number;
          @Column({ name: renamed ? 'givenName' : 'firstName', length: 80 }) name!: string;
        }
        return [Person];
      };
      const before = await postgresModel(entities(false));
      const after = await postgresModel(entities(true));
      const { plan, renameCandidates } = await compareAfter(harness, before, after);
      expect(kindsOf(plan.upgrade)).toEqual(['addColumn', 'dropColumn']);
      expect(renameCandidates).toEqual([{ table: 'tr6376_person', from: 'firstName', to: 'givenName' }]);
      expect(plan.upgrade[0]?.comments).toEqual([
        'Is this a rename of firstName? Run with --rename tr6376_person.firstName=givenName to write a rename instead.',
      ]);
      expect(plan.upgrade[1]?.dataLoss).toContain('firstName');
    });
  });

  describeWhenReachable(mysqlUnavailableReason, 'on MariaDB', () => {
    const harness: ConformanceHarness = mysqlHarness();
    const mariadbModel = (entities: readonly unknown[]): Promise<MetadataModel> =>
      modelOf(typeorm, 'mariadb', entities);

    it('typeorm#1960: int columns, reflected as int(11), are not altered to int again', async () => {
      @Entity('tr1960_counter')
      class Counter {
        @PrimaryGeneratedColumn() id!: number;
        @Column() count!: number;
        @Column('int', { nullable: true }) other!: number | null;
        @Column('bigint', { default: 0 }) total!: string;
        @Column('smallint') small!: number;
      }
      await expectStableRoundTrip(harness, await mariadbModel([Counter]));
    });

    it('typeorm#2943: an unsigned generated primary key and a datetime defaulting to CURRENT_TIMESTAMP are not regenerated', async () => {
      @Entity('tr2943_log_action')
      class LogAction {
        @PrimaryGeneratedColumn({ name: 'log_action_id', unsigned: true }) logActionId!: number;
        @Column('varchar', { nullable: false, length: 150, name: 'title' }) title!: string;
        @Column('datetime', { nullable: false, default: () => 'CURRENT_TIMESTAMP', name: 'created' }) created!: Date;
        @Column('int', { unsigned: true, default: 0 }) hits!: number;
      }
      await expectStableRoundTrip(harness, await mariadbModel([LogAction]));
    });

    it('typeorm#3622: datetime against datetime(0), and datetime(6) date columns with CURRENT_TIMESTAMP(6), are not regenerated', async () => {
      @Entity('tr3622_user')
      class User {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ default: () => 'CURRENT_TIMESTAMP' }) lastChangedAt!: Date;
        @Column({ type: 'datetime', precision: 0, nullable: true }) seenAt!: Date | null;
        @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' }) stampedAt!: Date;
        @CreateDateColumn() createdAt!: Date;
        @UpdateDateColumn() updatedAt!: Date;
      }
      await expectStableRoundTrip(harness, await mariadbModel([User]));
    });

    it('typeorm#6636: boolean and tinyint columns (both tinyint, as TypeORM writes them) are not regenerated', async () => {
      @Entity('tr6636_flags')
      class Flags {
        @PrimaryGeneratedColumn() id!: number;
        @Column() active!: boolean;
        @Column({ type: 'boolean', default: true }) visible!: boolean;
        @Column('bool', { default: false }) archived!: boolean;
        @Column('tinyint') level!: number;
        @Column('tinyint', { default: 3 }) stars!: number;
      }
      const model = await mariadbModel([Flags]);
      // TypeORM writes a boolean as `tinyint` on MySQL / MariaDB (not BOOL's tinyint(1)): so does the model.
      expect(modelColumn(model, 'tr6636_flags', 'active').type).toEqual({ kind: 'raw', sql: 'tinyint' });
      expect(modelColumn(model, 'tr6636_flags', 'level').type).toEqual({ kind: 'raw', sql: 'tinyint' });
      await expectStableRoundTrip(harness, model);
    });

    it('typeorm#6140: a decimal(22,2) default of 0.00 is not altered to DEFAULT 0 again', async () => {
      @Entity('tr6140_user')
      class User {
        @PrimaryGeneratedColumn() id!: number;
        @Column({ type: 'decimal', precision: 22, scale: 2, default: 0.0 }) bday!: number;
        @Column({ type: 'decimal', precision: 11, scale: 8, default: 0 }) lat!: number;
        @Column({ type: 'decimal', precision: 10, scale: 2, default: '1.50' }) price!: string;
      }
      await expectStableRoundTrip(harness, await mariadbModel([User]));
    });

    it.each(['mariadb', 'mysql'] as const)(
      'typeorm#8167: entities built for TypeORM type %s (uuid, json, boolean, datetime(6), enum) round trip on MariaDB',
      async (type) => {
        enum Size {
          Small = 's',
          Large = 'l',
        }
        @Entity('tr8167_item')
        class Item {
          @PrimaryGeneratedColumn('uuid') id!: string;
          @Column('uuid', { nullable: true }) parentId!: string | null;
          @Column('json', { nullable: true }) attributes!: unknown;
          @Column({ default: false }) deleted!: boolean;
          @Column({ type: 'datetime', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)' }) touchedAt!: Date;
          @Column({ type: 'enum', enum: Size, default: Size.Small }) size!: Size;
          @Column({ type: 'varchar', length: 40, unique: true }) code!: string;
        }
        await expectStableRoundTrip(harness, await modelOf(typeorm, type, [Item]));
      },
    );
  });
});
