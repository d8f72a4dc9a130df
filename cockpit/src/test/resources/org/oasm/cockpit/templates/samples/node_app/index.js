'use strict';

/** Converts millimetres to inches. */
function mmToInch(mm) {
  return mm / 25.4;
}

module.exports = { mmToInch };
