'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { mmToInch } = require('../index.js');

test('an inch is 25.4 mm', () => {
  assert.strictEqual(mmToInch(25.4), 1);
});
