/*
 * Records and refuses every network attempt: net.Socket#connect, dns.lookup / dns.promises.lookup /
 * dns.resolve*, http(s).request / get, tls.connect and globalThis.fetch.
 * - As a `--require` preload with FTN_NETLOG set: installs itself and appends one JSON line per
 *   attempt to that file (plus a `loaded` line, proving the preload ran).
 * - In-process: `install(record)` wraps the same functions and returns `uninstall()`.
 * Connections to a local IPC path (a Unix socket, e.g. the tsx loader's) are recorded as `ipc` and
 * allowed; everything else throws after being recorded, so nothing can leave the machine.
 */
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const tls = require('node:tls');

/** Wraps every network entry point; `record(kind, target)` sees each attempt. Returns uninstall(). */
function install(record) {
  const saved = [];
  const patch = (obj, name, fn) => {
    saved.push([obj, name, obj[name]]);
    obj[name] = fn;
  };
  const refused = (kind, target) => {
    record(kind, String(target).slice(0, 200));
    return new Error(`netguard: ${kind} to ${target} refused`);
  };
  const connect = net.Socket.prototype.connect;
  patch(net.Socket.prototype, 'connect', function (...args) {
    // net.connect() passes its normalised arguments as one array: [options, callback].
    const o = Array.isArray(args[0]) ? args[0][0] : args[0];
    const ipc = (typeof o === 'string' && !/^\d+$/.test(o)) || (o && typeof o === 'object' && typeof o.path === 'string');
    if (ipc) {
      record('ipc', typeof o === 'string' ? o : o.path);
      return connect.apply(this, args);
    }
    throw refused('net.connect', o && typeof o === 'object' ? `${o.host ?? 'localhost'}:${o.port}` : `${args[1] ?? 'localhost'}:${o}`);
  });
  patch(dns, 'lookup', (host) => { throw refused('dns.lookup', host); });
  patch(dns.promises, 'lookup', (host) => Promise.reject(refused('dns.promises.lookup', host)));
  for (const m of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) patch(dns, m, (host) => { throw refused(`dns.${m}`, host); });
  for (const [name, mod] of [['http', http], ['https', https]]) {
    for (const fn of ['request', 'get']) {
      patch(mod, fn, (u) => { throw refused(`${name}.${fn}`, typeof u === 'string' || u instanceof URL ? u : `${u && u.hostname}:${u && u.port}`); });
    }
  }
  patch(tls, 'connect', (o) => { throw refused('tls.connect', o && typeof o === 'object' ? `${o.host}:${o.port}` : o); });
  if (typeof globalThis.fetch === 'function') patch(globalThis, 'fetch', (u) => Promise.reject(refused('fetch', u && u.url ? u.url : u)));
  return function uninstall() {
    for (const [obj, name, fn] of saved.reverse()) obj[name] = fn;
  };
}

module.exports = { install };

const LOG = process.env.FTN_NETLOG;
if (LOG) {
  const log = (kind, target) => fs.appendFileSync(LOG, JSON.stringify({ kind, target, pid: process.pid }) + '\n');
  install(log);
  log('loaded', process.argv.slice(1).join(' '));
}
