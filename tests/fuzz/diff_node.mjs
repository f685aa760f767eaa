// The reference side of the differential fuzzer (run_diff.sh): runs each module under V8
// and prints exactly what tests/fuzz/diff_run.c prints for it (see there for the format).
// Needs node's --experimental-wasm-type-reflection for the exports' parameter types.
import fs from 'fs';

const out = [];
const hex32 = (x) => (x >>> 0).toString(16);
const bits = new DataView(new ArrayBuffer(8));
function fmt(type, v) {
  switch (type) {
    case 'i32': return 'i32:' + hex32(v);
    case 'i64': return 'i64:' + BigInt.asUintN(64, v).toString(16);
    case 'f32':
      if (Number.isNaN(v)) return 'f32:nan';
      bits.setFloat32(0, v);
      return 'f32:' + hex32(bits.getUint32(0));
    case 'f64':
      if (Number.isNaN(v)) return 'f64:nan';
      bits.setFloat64(0, v);
      return 'f64:' + BigInt.asUintN(64, bits.getBigUint64(0)).toString(16);
    default: return 'ref:' + (v === null ? 'null' : 'nonnull');
  }
}
const zero = (type) => (type === 'i64' ? 0n : type === 'i32' || type === 'f32' || type === 'f64' ? 0 : null);
const logger = (type) => (v) => { out.push('log ' + fmt(type, v)); };
const imports = {
  'fuzzing-support': {
    'log-i32': logger('i32'), 'log-i64': logger('i64'), 'log-f32': logger('f32'), 'log-f64': logger('f64'),
  },
};

for (const file of process.argv.slice(2)) {
  out.push('== ' + file);
  let module, instance;
  try {
    module = new WebAssembly.Module(fs.readFileSync(file));
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    out.push('invalid', '# ' + e.message);
    continue;
  }
  const hang = instance.exports.hangLimitInitializer;
  for (const ex of WebAssembly.Module.exports(module)) {
    if (ex.kind !== 'function' || ex.name === 'hangLimitInitializer') continue;
    if (hang) hang();
    out.push('call ' + ex.name);
    const { parameters, results } = ex.type;
    try {
      let r = instance.exports[ex.name](...parameters.map(zero));
      if (results.length === 1) r = [r];
      out.push('result' + results.map((t, i) => ' ' + fmt(t, r[i])).join(''));
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) out.push('trap');
      else throw e;
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
