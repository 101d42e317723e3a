import assert from 'node:assert/strict';
import { resolveProfile, profileFacts, profileOfHost, isTestBrokerHost } from '../../src/core/profiles';

suite('profiles', () => {
  const cases: [Parameters<typeof resolveProfile>[0], string][] = [
    [{ issuer: 'https://demo.idura.broker' }, 'idura'],
    [{ issuer: 'https://acme-test.criipto.id' }, 'idura'],
    [{ host: 'acme.criipto.io' }, 'idura'],
    [{ issuer: 'https://tunnistus.telia.fi/uas' }, 'telia'],
    [{ host: 'tunnistus-pp.telia.fi' }, 'telia'],
    [{ issuer: 'https://isb.op.fi' }, 'op'],
    [{ host: 'isb-test.op.fi' }, 'op'],
    [{ issuer: 'https://acme.app.signicat.com/auth/open' }, 'signicat'],
    [{ host: 'id.signicat.io' }, 'signicat'],
    [{ issuer: 'https://broker.example' }, 'ftn'],
    [{}, 'ftn'],
    [{ host: 'evilidura.broker' }, 'ftn'],
    [{ host: 'tunnistus.telia.fi.evil.example' }, 'ftn'],
    [{ forced: 'generic', issuer: 'https://demo.idura.broker' }, 'generic'],
    [{ forced: 'telia', host: 'isb.op.fi' }, 'telia'],
    [{ forced: 'auto', host: 'isb.op.fi' }, 'op'],
    [{ issuer: 'not a url at all', host: 'isb.op.fi' }, 'op'],
  ];
  for (const [opts, want] of cases) {
    test(`${JSON.stringify(opts)} → ${want}`, () => assert.equal(resolveProfile(opts), want));
  }

  test('facts cite the broker values of ftn-rules §2', () => {
    assert.equal(profileFacts('idura').assertionAud, 'issuer');
    assert.equal(profileFacts('idura').assertionKid, 'E');
    assert.deepEqual(profileFacts('telia').tokenEndpoints, ['https://tunnistus.telia.fi/uas/oauth2/token', 'https://tunnistus-pp.telia.fi/uas/oauth2/token']);
    assert.deepEqual(profileFacts('telia').maxAssertionLife, { seconds: 3600, hard: true, source: 'TELIA 2.6.2' });
    assert.deepEqual(profileFacts('telia').jarAud, ['https://tunnistus.telia.fi/uas', 'https://tunnistus-pp.telia.fi/uas']);
    assert.equal(profileFacts('op').recommendedAssertionLife, 600);
    assert.equal(profileFacts('signicat').assertionAud, 'unknown');
    assert.equal(profileOfHost('https://x.idura.broker/path'), 'idura');
    assert.equal(isTestBrokerHost('https://tunnistus-pp.telia.fi/uas'), true);
    assert.equal(isTestBrokerHost('https://isb.op.fi'), false);
  });
});
