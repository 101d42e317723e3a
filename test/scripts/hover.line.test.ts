import assert from 'node:assert/strict';
import { tokenInLine } from '../../src/vscode/hover.line';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

suite('hover.line: tokenInLine', () => {
  test('the token under the cursor, placed on the line; none beside it', () => {
    const line = `    "id_token": "${TOKEN}",`;
    const at = line.indexOf('eyJ');
    const found = tokenInLine(line, at + 5);
    assert.deepEqual(found && [found.token, found.offset, found.length, found.line, found.column, found.context.name], [TOKEN, at, TOKEN.length, 1, at + 1, 'id_token']);
    assert.equal(tokenInLine(line, at + TOKEN.length)?.offset, at);
    assert.equal(tokenInLine(line, 2), undefined);
  });

  test('a long line: only a window around the cursor is scanned, offsets stay line-relative', () => {
    const pad = 'x '.repeat(5000);
    const line = `${pad}${TOKEN} ${pad}${TOKEN}`;
    const second = line.lastIndexOf(TOKEN);
    assert.deepEqual(tokenInLine(line, second + 3, 1000) && tokenInLine(line, second + 3, 1000)!.offset, second);
    assert.equal(tokenInLine(line, pad.length + 3, 1000)?.column, pad.length + 1);
    assert.equal(tokenInLine(line, 10, 1000), undefined);
  });
});
