// The yardstick for `scorecard assess DIR --period P --format csv` (bench/assess_bench.cc): the
// same statuses and directions of travel for the benchmark's synthetic council, computed by DuckDB
// in one query over its measures.csv, targets.csv and values.csv, written as CSV.
//
//   node bench/duckdb/assess.mjs DIR PERIOD OUT.csv      e.g. PERIOD "2016/17 Q4"
//
// The rules are src/domain/assessment.cc's as they apply to that council (bench/synthetic_folder.cc):
// quarterly measures on the financial year, annual targets ("" or "tbc"), the derby-2012 scheme
// (relative deviation; blue above +2%, green at least 0%, amber at least -5%, else red; a band
// edge within 1e-9), direction of travel against the previous quarter (stable when unchanged).
// Anything outside those (another scheme, a target kind, a frequency) is refused, not guessed.

import { DuckDBInstance } from '@duckdb/node-api';

// The same double arithmetic as StatusScheme::BandFor's `limit ± kEdgeTolerance`.
const kEdgeTolerance = 1e-9;
const kBlueAbove = 0.02 + kEdgeTolerance;
const kGreenAtLeast = 0 - kEdgeTolerance;
const kAmberAtLeast = -0.05 - kEdgeTolerance;
const kStableWithin = 0 + kEdgeTolerance;

function usage(message) {
  console.error(`assess.mjs: ${message}\nusage: node assess.mjs DIR PERIOD OUT.csv`);
  process.exit(2);
}

// "2016/17 Q4" -> its year "2016/17", whether it ends the year, and the quarter before it.
function parseQuarter(text) {
  const match = /^(\d{4})\/(\d{2}) Q([1-4])$/.exec(text);
  if (!match) usage(`"${text}" is not a quarter such as "2016/17 Q4"`);
  const start = Number(match[1]);
  const quarter = Number(match[3]);
  const year = (y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  if (year(start) !== `${match[1]}/${match[2]}`) usage(`"${text}" is not a financial year`);
  return {
    period: text,
    year: year(start),
    yearEnd: quarter === 4,
    previous: quarter === 1 ? `${year(start - 1)} Q4` : `${year(start)} Q${quarter - 1}`,
  };
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const sqlDouble = (x) => `CAST(${sqlString(String(x))} AS DOUBLE)`;
const csv = (dir, name) =>
  `read_csv(${sqlString(`${dir}/${name}`)}, header = true, all_varchar = true)`;

function assessQuery(dir, q, out) {
  return `
COPY (
  WITH
  measure AS (
    SELECT ref, unit,
      CASE WHEN frequency <> 'quarterly' THEN error('a ' || frequency || ' measure: ' || ref)
           WHEN polarity IN ('higher', 'high', 'up') THEN 'higher'
           WHEN polarity IN ('lower', 'low', 'down') THEN 'lower'
           WHEN polarity = 'none' THEN 'none'
           ELSE error('polarity "' || polarity || '": ' || ref) END AS polarity
    FROM ${csv(dir, 'measures.csv')}),
  annual AS (
    SELECT ref, CAST(target AS DOUBLE) AS target,
      CASE WHEN kind IS NULL THEN NULL WHEN kind = 'tbc' THEN 'tbc'
           ELSE error('target kind "' || kind || '": ' || ref) END AS special
    FROM ${csv(dir, 'targets.csv')} WHERE period = ${sqlString(q.year)}),
  figure AS (
    SELECT ref, period, CAST(value AS DOUBLE) AS value, status AS override,
      string_split(coalesce(flags, ''), ';') AS flags
    FROM ${csv(dir, 'values.csv')}
    WHERE period IN (${sqlString(q.period)}, ${sqlString(q.previous)})),
  joined AS (
    SELECT m.ref, m.unit, m.polarity, cur.value, cur.flags, cur.override, prev.value AS previous,
      a.ref IS NOT NULL AS has_annual, a.target, a.special
    FROM measure m
    LEFT JOIN figure cur ON cur.ref = m.ref AND cur.period = ${sqlString(q.period)}
    LEFT JOIN figure prev ON prev.ref = m.ref AND prev.period = ${sqlString(q.previous)}
    LEFT JOIN annual a ON a.ref = m.ref),
  -- The year's target applies at this quarter: a level (a percentage or a rate), the year end,
  -- or a year whose row says why there is no number.
  targeted AS (
    SELECT *,
      CASE WHEN NOT has_annual THEN 'no-target'
           WHEN special IS NOT NULL THEN special
           WHEN unit = '%' OR starts_with(unit, 'per ') OR ${q.yearEnd} THEN NULL
           ELSE 'no-target' END AS target_special,
      CASE WHEN polarity = 'lower' THEN target - value ELSE value - target END AS diff,
      CASE WHEN polarity = 'higher' THEN value - previous ELSE previous - value END AS better,
      CASE WHEN previous = 0 THEN (CASE WHEN value = 0 THEN 0 ELSE 'inf'::DOUBLE END)
           ELSE abs(value - previous) / abs(previous) END AS change
    FROM joined),
  deviated AS (
    SELECT *,
      CASE WHEN target = 0 THEN (CASE WHEN diff > 0 THEN 'inf'::DOUBLE
                                      WHEN diff < 0 THEN '-inf'::DOUBLE ELSE 0 END)
           ELSE diff / abs(target) END AS deviation
    FROM targeted)
  SELECT ref, ${sqlString(q.period)} AS period, value,
    CASE WHEN target_special IS NULL THEN target END AS target,
    CASE WHEN override IS NOT NULL THEN override
         WHEN value IS NULL THEN
           CASE WHEN list_contains(flags, 'under-development') THEN 'under-development'
                WHEN list_contains(flags, 'not-due') THEN 'not-due'
                ELSE 'not-available' END
         WHEN target_special IS NOT NULL THEN target_special
         WHEN polarity = 'none' THEN 'no-target'
         WHEN deviation > ${sqlDouble(kBlueAbove)} THEN 'blue'
         WHEN deviation >= ${sqlDouble(kGreenAtLeast)} THEN 'green'
         WHEN deviation >= ${sqlDouble(kAmberAtLeast)} THEN 'amber'
         ELSE 'red' END AS status,
    CASE WHEN polarity = 'none' OR value IS NULL OR previous IS NULL THEN 'not-applicable'
         WHEN better = 0 OR change <= ${sqlDouble(kStableWithin)} THEN 'stable'
         WHEN better > 0 THEN 'improved'
         ELSE 'worse' END AS dot
  FROM deviated
  ORDER BY ref
) TO ${sqlString(out)} (FORMAT csv, HEADER true)`;
}

async function main() {
  const [dir, period, out] = process.argv.slice(2);
  if (!dir || !period || !out) usage('DIR, PERIOD and OUT.csv are required');
  const config = `${dir}/scorecard.toml`;
  const fs = await import('node:fs');
  if (!/^scheme\s*=\s*"derby-2012"/m.test(fs.readFileSync(config, 'utf8'))) {
    usage(`${config}: only the derby-2012 scheme is written here`);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(assessQuery(dir, parseQuarter(period), out));
  connection.closeSync();
  instance.closeSync();
}

main().catch((error) => {
  console.error(`assess.mjs: ${error.message}`);
  process.exit(1);
});
