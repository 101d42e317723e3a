/** Generators of text inputs: mixed code/logs/JSON with tokens tiled in, and input built to defeat regexes. */
import { b64chars, rng, type Rng } from './prng';

const WORDS = ['user', 'session', 'request', 'config', 'handler', 'value', 'item', 'result', 'data', 'client', 'token', 'cache', 'index', 'buffer', 'stream'];
const PATHS = ['/api/v1/users', '/oauth2/authorize', '/static/app.js', '/health', '/api/orders', '/callback', '/login'];

function word(r: Rng): string {
  return r.pick(WORDS) + (r.next() < 0.5 ? `_${r.int(100)}` : '');
}

function codeLine(r: Rng): string {
  const w = word(r), a = word(r), b = word(r);
  switch (r.int(4)) {
    case 0: return `  const ${w} = ${a}.${b}(${r.int(1000)}, "${a}.${b}"); // see ${b}.md\n`;
    case 1: return `  if (${w}.length > ${r.int(64)}) return this.${a}.get('${b}') ?? null;\n`;
    case 2: return `export function ${w}(${a}: string, ${b}: number): Promise<void> {\n`;
    default: return `  ${w}.${a} = Math.max(${a}.${b}, ${r.next().toFixed(3)}); /* ${b}... */\n`;
  }
}

function logLine(r: Rng, t: number): string {
  const ts = new Date(Date.UTC(2026, 10, 2, 10) + t * 37).toISOString();
  return `${ts} ${r.pick(['INFO', 'DEBUG', 'WARN'])} [req-${b64chars(r, 8)}] ${r.pick(['GET', 'POST'])} ${r.pick(PATHS)}?id=${r.int(99999)} ${r.pick([200, 302, 404])} ${r.int(900)}ms host=app-${r.int(9)}.example.com v1.2.${r.int(30)}\n`;
}

function jsonLine(r: Rng): string {
  return JSON.stringify({ id: r.int(1e6), name: word(r), tags: [word(r), word(r)], score: Number(r.next().toFixed(4)), url: `https://app.example.com${r.pick(PATHS)}` }) + '\n';
}

/** A token in one of the contexts real text holds it in. */
function tokenLine(r: Rng, token: string): string {
  switch (r.int(5)) {
    case 0: return `Authorization: Bearer ${token}\n`;
    case 1: return `  "id_token": "${token}",\n`;
    case 2: return `${new Date(Date.UTC(2026, 10, 2, 10)).toISOString()} DEBUG callback https://app.example.com/callback?id_token=${token}&state=st-1\n`;
    case 3: return `const assertion = '${token}';\n`;
    default: return `token=${token}\n`;
  }
}

/** Mixed text (code, logs, JSON) of about `size` characters with about one token per `every` characters. */
export function* mixedText(seed: number, size: number, tokens: string[], every = 10_000): Generator<string> {
  const r = rng(seed);
  let written = 0, nextToken = r.int(every), t = 0;
  while (written < size) {
    let s: string;
    if (written >= nextToken) {
      s = tokenLine(r, r.pick(tokens));
      nextToken += every / 2 + r.int(every);
    } else {
      const k = r.int(3);
      s = k === 0 ? codeLine(r) : k === 1 ? logLine(r, t++) : jsonLine(r);
    }
    written += s.length;
    yield s;
  }
}

/**
 * Text built to defeat regexes and naive scanners: long dotted base64url runs, `eyJ` repeated, segments
 * that never end, header-shaped prefixes that do not decode, percent-encoded dots, runs of dots.
 */
export function* adversarialText(seed: number, size: number): Generator<string> {
  const r = rng(seed);
  let written = 0;
  while (written < size) {
    let s: string;
    switch (r.int(6)) {
      case 0: s = Array.from({ length: 200 + r.int(200) }, () => b64chars(r, 1 + r.int(6))).join('.'); break;
      case 1: s = 'eyJ'.repeat(2000 + r.int(2000)); break;
      case 2: s = 'eyJhbGciOiJIUzI1NiJ9.' + 'eyJ'.repeat(1000) + '.' + b64chars(r, 3000); break;
      case 3: s = ('eyJhbGciOiJ' + b64chars(r, 40) + '.').repeat(100 + r.int(100)); break;
      case 4: s = Array.from({ length: 300 }, () => b64chars(r, 4)).join('%2E'); break;
      default: s = '.'.repeat(1000 + r.int(3000)) + b64chars(r, 2000); break;
    }
    // No separator most of the time: the runs join into even longer ones.
    s += r.next() < 0.3 ? ' ' : '';
    written += s.length;
    yield s;
  }
}
