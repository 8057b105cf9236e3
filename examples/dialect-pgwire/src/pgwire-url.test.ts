import { parsePgwireUrl } from './pgwire-url.js';

describe('parsePgwireUrl', () => {
  it('turns the URL into a postgresql:// connection string and takes ?schema= out', () => {
    expect(parsePgwireUrl('pgwire://app:secret@db:26257/shop?schema=billing&sslmode=disable')).toEqual({
      connectionString: 'postgresql://app:secret@db:26257/shop?sslmode=disable',
      schema: 'billing',
    });
    expect(parsePgwireUrl('pgwire+pg://app@db/shop')).toEqual({
      connectionString: 'postgresql://app@db/shop',
      schema: undefined,
    });
  });

  it('refuses other schemes without echoing the URL', () => {
    expect(() => parsePgwireUrl('postgresql://app:secret@db/shop')).toThrow(/^Not a pgwire URL/);
    expect(() => parsePgwireUrl('postgresql://app:secret@db/shop')).not.toThrow(/secret/);
  });
});
