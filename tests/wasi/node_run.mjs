// The reference: runs a WASI command under node's WASI with the same preopens, environment
// and arguments wasmcu gets. Usage: node node_run.mjs [--dir=HOST::GUEST]... [--env=K=V]...
//   PROG.wasm [args...]      exit status: the program's
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const preopens = {}, env = {};
let i = 2;
for (; i < process.argv.length && process.argv[i].startsWith('--'); i++) {
  const a = process.argv[i];
  if (a.startsWith('--dir=')) {
    const [host, guest] = a.slice(6).split('::');
    preopens[guest ?? host] = host;
  } else if (a.startsWith('--env=')) {
    const kv = a.slice(6), eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else {
    throw new Error('unknown option ' + a);
  }
}
const args = process.argv.slice(i);
const wasi = new WASI({ version: 'preview1', args, env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(args[0]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance) ?? 0;
