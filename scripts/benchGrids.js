/* global structuredClone */
/** Grids for the adapter benches: the seed's, plus `n` one-cell sheets (a workbook with many sheets). */
function withFillers(grids, n) {
  const out = structuredClone(grids);
  for (let i = 0; i < n; i++) out.push({ name: `附表${i + 1}`, cells: [[{ value: `说明 ${i + 1}`, text: `说明 ${i + 1}` }]], merges: [] });
  return out;
}

module.exports = { withFillers };
