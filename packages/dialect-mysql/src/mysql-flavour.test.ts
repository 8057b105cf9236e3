import { detectMysqlFlavour, flavourOfUrl } from './mysql-flavour.js';

describe('MySQL flavours', () => {
  it('detects MariaDB from the version string', () => {
    expect(detectMysqlFlavour('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(detectMysqlFlavour('8.0.36')).toBe('mysql');
    expect(detectMysqlFlavour('8.4.0-log')).toBe('mysql');
  });

  it('chooses by URL scheme offline', () => {
    expect(flavourOfUrl('mariadb://root@h/d')).toBe('mariadb');
    expect(flavourOfUrl('mariadb+mysql2://root@h/d')).toBe('mariadb');
    expect(flavourOfUrl('mysql://root@h/d')).toBe('mysql');
  });
});
