import assert from 'node:assert/strict';
import { RULES } from '../../../src/core/index';
import { analyzeOptions, defaultSettings, loadSettings, parseRuleList, readSettings, saveSettings, STORE_SETTINGS } from '../../../src/devtools/settings';
import { memoryStorageArea } from '../../../src/devtools/storage';

suite('devtools settings', () => {
  const rule = RULES[0].id;

  test('parseRuleList keeps known rule IDs once and reports unknown words', () => {
    assert.deepEqual(parseRuleList(`${rule}, nope ${rule};X-1`), { rules: [rule], unknown: ['nope', 'X-1'] });
    assert.deepEqual(parseRuleList('  '), { rules: [], unknown: [] });
  });

  test('readSettings takes only valid fields from untrusted storage', () => {
    assert.deepEqual(readSettings({ profile: 'telia', skew: 120, clientId: 'c', disabledRules: [rule, 'bogus', 7] }),
      { profile: 'telia', skew: 120, clientId: 'c', disabledRules: [rule] });
    assert.deepEqual(readSettings({ profile: 'evil', skew: -1, clientId: 5 }), defaultSettings());
    assert.deepEqual(readSettings('x'), defaultSettings());
    assert.equal(readSettings({ skew: 3601 }).skew, 60);
  });

  test('settings round-trip through storage and map to analysis options', async () => {
    const store = memoryStorageArea();
    assert.deepEqual(await loadSettings(store), defaultSettings());
    await saveSettings(store, { profile: 'idura', skew: 30, clientId: 'demo-client', disabledRules: [rule] });
    assert.deepEqual(store.data[STORE_SETTINGS], { profile: 'idura', skew: 30, clientId: 'demo-client', disabledRules: [rule] });
    const s = await loadSettings(store);
    assert.deepEqual(analyzeOptions(s), { profile: 'idura', skew: 30, clientId: 'demo-client', disabledRules: [rule] });
    assert.deepEqual(analyzeOptions(defaultSettings()), { profile: 'auto', skew: 60 });
  });
});
