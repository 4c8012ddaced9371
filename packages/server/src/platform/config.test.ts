import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = readConfig({}, '/srv/lco');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('/srv/lco/data');
    expect(config.databaseUrl).toBeNull();
    expect(config.settings.publicUrl).toBe('http://localhost:3000');
    expect(config.settings.secureCookies).toBe(false);
    expect(config.settings.oidc).toBeNull();
    expect(config.settings.evidenceMaxBytes).toBe(20 * 1024 * 1024);
  });

  it('turns on Secure cookies for an https address and trims its trailing slash', () => {
    const config = readConfig({ PUBLIC_URL: 'https://observatory.example.org/' });
    expect(config.settings.publicUrl).toBe('https://observatory.example.org');
    expect(config.settings.secureCookies).toBe(true);
  });

  it('reads the evidence limit in MiB and refuses anything but a whole number from 1 to 1024', () => {
    expect(readConfig({ EVIDENCE_MAX_MB: '5' }).settings.evidenceMaxBytes).toBe(5 * 1024 * 1024);
    for (const bad of ['0', '1.5', 'ten', '2048', '-3']) {
      expect(() => readConfig({ EVIDENCE_MAX_MB: bad })).toThrow(ConfigError);
    }
  });

  it('refuses a bad port and a half-configured single sign-on, naming what is missing', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ OIDC_ISSUER: 'https://id.example.org' })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/,
    );
  });
});
