import { connectionPassword } from './connection-password.js';

describe('connectionPassword', () => {
  it("takes the driver options' password over the URL's", () => {
    expect(connectionPassword({ driverOptions: { password: 'from-vault' } }, 'in-url')).toBe('from-vault');
  });

  it("keeps the URL's password when the driver options have none that is a string", () => {
    expect(connectionPassword({}, 'in-url')).toBe('in-url');
    expect(connectionPassword({ driverOptions: { password: 42 } }, undefined)).toBeUndefined();
  });
});
