// `npm run bench`: each scenario measures one figure against its target and, where the issue names one,
// a reference measured in the same run. Prints one table and writes bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountsScenarios } from './scenarios/accounts.ts';
import { frameworkThroughput } from './scenarios/framework-rps.ts';
import { homeJavaScript } from './scenarios/home-js.ts';
import { importBenchmarks } from './scenarios/import.ts';
import { progressLatency } from './scenarios/progress.ts';
import { restartTime } from './scenarios/restart.ts';
import { surveyBenchmarks } from './scenarios/survey.ts';
import { surveySubmission } from './scenarios/survey-submit.ts';
import { ROOT } from './server.ts';

export interface Result {
  scenario: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
  reference?: string;
  detail?: string;
}

/** The scenarios by name; `npm run bench -- accounts progress` runs only those (all without names). */
const SCENARIOS: Record<string, (work: string) => Promise<Result | Result[]>> = {
  restart: restartTime,
  framework: frameworkThroughput,
  'home-js': homeJavaScript,
  // Survey statistics beside R's survey package (issue #5); R's column is skipped when R is not installed.
  survey: surveyBenchmarks,
  accounts: accountsScenarios,
  import: importBenchmarks,
  progress: progressLatency,
  // Public survey submissions at 50 phones, counted again in the database afterwards (issue #6).
  'survey-submit': surveySubmission,
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in SCENARIOS));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-bench-'));
const results: Result[] = [];
try {
  for (const [name, run] of Object.entries(SCENARIOS)) {
    if (chosen.length === 0 || chosen.includes(name)) results.push(...[await run(work)].flat());
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

console.table(
  results.map((r) => ({
    scenario: r.scenario,
    value: `${r.value} ${r.unit}`,
    target: r.target,
    met: r.met ? 'yes' : 'NO',
    reference: r.reference ?? '',
  })),
);
for (const r of results) if (r.detail) console.log(`${r.scenario}: ${r.detail}`);

const out = path.join(ROOT, 'bench/results/latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2)}\n`,
);
console.log(`written ${path.relative(process.cwd(), out)}`);
