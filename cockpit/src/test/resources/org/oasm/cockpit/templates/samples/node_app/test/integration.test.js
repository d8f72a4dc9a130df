'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');

test('the module loads in a fresh node process', () => {
  const out = execFileSync(process.execPath, ['-e', 'console.log(require("./index.js").mmToInch(50.8))'], { cwd: __dirname + '/..' });
  assert.strictEqual(out.toString().trim(), '2');
});
