/** Number formats shared by the bench's progress lines, target cells and report tables. */

/** @param {number | undefined} ms */
export function seconds(ms) {
  return ms === undefined ? 'n/a' : (ms / 1000).toFixed(2);
}

/** @param {number | undefined} kb */
export function mb(kb) {
  return kb === undefined ? 'n/a' : (kb / 1024).toFixed(0);
}

/** @param {number | undefined} value */
export const percent = (value) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;

/** @param {number | undefined} value */
export const times = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`);
