import { anchorSqliteUrl, maskPassword, parseDatabaseUrl } from './database-url.js';

describe('database URLs', () => {
  it('takes the scheme, without a driver suffix', () => {
    expect(parseDatabaseUrl('postgresql+pg://u@h/db').scheme).toBe('postgresql');
    expect(parseDatabaseUrl('SQLITE:///x.db').scheme).toBe('sqlite');
  });

  it('refuses text that is not a URL, without showing the password', () => {
    expect(() => parseDatabaseUrl('localhost/db')).toThrow(/Could not parse the database URL 'localhost\/db'/);
  });

  it('masks passwords', () => {
    expect(maskPassword('failed for postgresql://app:s3cr:et@db:5432/x today')).toBe(
      'failed for postgresql://app:***@db:5432/x today',
    );
    expect(maskPassword('mysql://root@localhost/test')).toBe('mysql://root@localhost/test');
  });

  it('masks a password holding characters a URL should have encoded, up to the last @ of the URL', () => {
    expect(maskPassword("Could not parse 'postgresql://app:se/cret@db:5432/x'")).toBe(
      "Could not parse 'postgresql://app:***@db:5432/x'",
    );
    expect(maskPassword('mysql://root:se@cret@db/x')).toBe('mysql://root:***@db/x');
    expect(maskPassword('mssql://sa:se#cr?et@db/x')).toBe('mssql://sa:***@db/x');
    expect(maskPassword('mssql://sa:p/w@db/x?app=me@host')).toBe('mssql://sa:***@host');
    expect(maskPassword('postgresql://app:pw@db/x?application_name=me@host')).toBe(
      'postgresql://app:***@db/x?application_name=me@host',
    );
    expect(maskPassword('postgresql://app:se%2Fc%40ret@db/x')).toBe('postgresql://app:***@db/x');
    expect(maskPassword('Current revision(s) for postgresql://app:se cret@db:5432/x:')).toBe(
      'Current revision(s) for postgresql://app:***@db:5432/x:',
    );
  });

  it('masks the password of a user name holding an @ (app@tenant)', () => {
    expect(maskPassword('for postgresql://app@tenant:s3cret@db.example.com:5432/x')).toBe(
      'for postgresql://app@tenant:***@db.example.com:5432/x',
    );
  });

  it('masks a password given as a parameter, in a URL or a connection string', () => {
    expect(maskPassword("in the MySQL URL 'mysql://root@db/x?charset=utf8&password=s3cret'; known")).toBe(
      "in the MySQL URL 'mysql://root@db/x?charset=utf8&password=***'; known",
    );
    expect(maskPassword('postgresql://app@db/x?PASSWORD=s3cret&sslmode=require')).toBe(
      'postgresql://app@db/x?PASSWORD=***&sslmode=require',
    );
    expect(maskPassword('sqlserver://db:1433;databaseName=x;user=sa;password=s3cret')).toBe(
      'sqlserver://db:1433;databaseName=x;user=sa;password=***',
    );
    expect(maskPassword("'Server=db,1433;Database=x;User Id=sa;Password=s3cret;'")).toBe(
      "'Server=db,1433;Database=x;User Id=sa;Password=***;'",
    );
    expect(maskPassword("'Password=s3cret;Server=db'")).toBe("'Password=***;Server=db'");
    expect(maskPassword('Driver={ODBC Driver 18};PWD={s3;cr}}et};UID=sa')).toBe(
      'Driver={ODBC Driver 18};PWD=***;UID=sa',
    );
    expect(maskPassword("'mysql://root@db/x?password=it's'")).toBe("'mysql://root@db/x?password=***'");
    expect(maskPassword(`while running "INSERT INTO setting VALUES ('password=abc')": no table`)).toBe(
      `while running "INSERT INTO setting VALUES ('password=***')": no table`,
    );
  });

  it('masks a quoted connection-string value whole, doubled quotes included', () => {
    expect(maskPassword("Server=db;Password='se;cret';User Id=sa")).toBe('Server=db;Password=***;User Id=sa');
    expect(maskPassword('Server=db;Password="se;cret";User Id=sa')).toBe('Server=db;Password=***;User Id=sa');
    expect(maskPassword("Server=db;Password='it''s; secret';User Id=sa")).toBe('Server=db;Password=***;User Id=sa');
    expect(maskPassword('Server=db;Password="say ""hi; there""";User Id=sa')).toBe('Server=db;Password=***;User Id=sa');
    expect(maskPassword(`Not a SQL Server URL: "Password='se;cret';Server=db"; expected mssql://`)).toBe(
      'Not a SQL Server URL: "Password=***;Server=db"; expected mssql://',
    );
  });

  it('masks an unquoted connection-string value up to the next ; or the end of the line, white space included', () => {
    expect(maskPassword('Server=db;Password=my secret;Database=x')).toBe('Server=db;Password=***;Database=x');
    expect(maskPassword('Password=my secret')).toBe('Password=***');
    expect(maskPassword("Not a SQL Server URL: 'Server=db;Password=my secret'; expected mssql://")).toBe(
      "Not a SQL Server URL: 'Server=db;Password=***'; expected mssql://",
    );
    expect(maskPassword("in 'Server=db;Password=my secret' today")).toBe("in 'Server=db;Password=***' today");
    expect(maskPassword("'Password=my secret'; known")).toBe("'Password=***'; known");
    expect(maskPassword('sqlserver://db:1433;user=sa;password=my secret&x')).toBe(
      'sqlserver://db:1433;user=sa;password=***',
    );
    expect(maskPassword("Server=db;Password=it's me;Database=x")).toBe('Server=db;Password=***;Database=x');
    expect(maskPassword(`while running "EXEC x @provstr='Server=db;Password=abc'": Login failed for user 'sa'.`)).toBe(
      `while running "EXEC x @provstr='Server=db;Password=***'": Login failed for user 'sa'.`,
    );
  });

  it("masks libpq's sslpassword parameter", () => {
    expect(maskPassword('postgresql://app@db/x?sslmode=verify-full&sslpassword=s3cret&sslkey=/k')).toBe(
      'postgresql://app@db/x?sslmode=verify-full&sslpassword=***&sslkey=/k',
    );
    expect(maskPassword("'postgresql://app@db/x?sslpassword=s3cret'; known")).toBe(
      "'postgresql://app@db/x?sslpassword=***'; known",
    );
  });

  it('leaves text without a password as it is', () => {
    for (const text of [
      'postgresql://localhost:5432/x',
      'sqlite:////tmp/a:b@c.db',
      'mysql://root@localhost/test?charset=utf8mb4',
      'ALTER ROLE app PASSWORD NULL',
      'e.g. sqlite:///alembic.db or postgresql://user@localhost/db',
      "lock of mysql://db:3306: GET_LOCK('alembic:.alembic_version@shop'), held by MariaDB connection 42 (app@10.0.0.7:51234)",
      'lock of mssql://db:1433/shop: held by session 53 (sa@10.0.0.7)',
      'postgresql://db:5432/x?application_name=me@host',
      'Could not connect to mssql://db:1433: Login failed, see dba@example.com',
      'lock of mysql://db:3306, held by app@10.0.0.7',
      'postgresql://[::1]:5432/x?application_name=me@host',
      'postgresql://app@db:5432/x: refused (user app@10.0.0.7)',
    ]) {
      expect(maskPassword(text)).toBe(text);
    }
  });

  it('anchors relative SQLite files at the config directory', () => {
    expect(anchorSqliteUrl('sqlite:///alembic.db', '/project')).toBe('sqlite:////project/alembic.db');
    expect(anchorSqliteUrl('sqlite:///data/app.db?mode=ro', '/project')).toBe('sqlite:////project/data/app.db?mode=ro');
    expect(anchorSqliteUrl('sqlite:////abs/app.db', '/project')).toBe('sqlite:////abs/app.db');
    expect(anchorSqliteUrl('sqlite://', '/project')).toBe('sqlite://');
    expect(anchorSqliteUrl('sqlite:///:memory:', '/project')).toBe('sqlite:///:memory:');
    expect(anchorSqliteUrl('postgresql://h/db', '/project')).toBe('postgresql://h/db');
  });
});
