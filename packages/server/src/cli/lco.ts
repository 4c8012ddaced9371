import { setFlagsFromString } from 'node:v8';
import {
  ALPHA_LEVELS,
  type AlphaLevel,
  EmailSchema,
  isLang,
  LANGUAGES,
  measurementRows,
  presentFramework,
  type Role,
} from '@lco/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { prepare, seed } from '../bootstrap.ts';
import { AccountsService } from '../modules/accounts/accounts.service.ts';
import { presentSurveyEstimates } from '../modules/surveys/survey-estimate.presenter.ts';
import { estimateFromFiles } from '../modules/surveys/survey-estimate.service.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { ConfigError, readConfig } from '../platform/config.ts';
import { type AppContext, offlineContext } from '../platform/context.ts';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase, startOpening } from '../platform/db/client.ts';
import { keepTablesUp } from '../platform/db/maintenance.ts';
import { migrate } from '../platform/db/migrate.ts';
import { buildApp } from '../platform/http/app.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { Mailer } from '../platform/mail/mailer.ts';
import { agreementFromFile } from './agreement-file.ts';

const program = new Command('lco')
  .description('Learning City Observatory: the platform for UNESCO learning cities')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command('serve')
  .description('apply migrations, seed reference data and serve the API and web app')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
  .action(async (options: { port?: number }) => {
    const config = readConfig();
    // The embedded engine's WebAssembly compiled by V8's baseline compiler alone. With V8's default tiering,
    // the main thread waited 0.3–0.6 s after PGlite opened for optimised code it did not need yet: the
    // restart went from ~2.2 s to ~1.6 s (issue #2: ready within 2 s). Requests cost the same (the survey
    // submission benchmark did not move); only bulk SQL is slower, a 100,000-row import by ~15 %, which is
    // why other commands, `lco import` among them, keep the default.
    if (!config.databaseUrl) setFlagsFromString('--liftoff-only');
    // The app is built while the embedded engine starts; migrations and seed run once it is up, before listening.
    const opening = await startOpening(config);
    const { handle } = opening;
    const mailer = new Mailer(handle.db, config.smtpUrl, config.mailFrom);
    const app = await buildApp({
      db: handle.db,
      notices: handle,
      engine: handle.engine,
      webDist: config.webDist,
      logger: { level: config.logLevel },
      settings: config.settings,
      mailer,
      trustProxy: config.trustProxy,
      dataDir: config.dataDir,
    });
    await prepare(opening);
    // Reminders before review deadlines: hourly, idempotent (one per reviewer and deadline).
    const { RoundService } = await import('../modules/reviews/round.service.ts');
    const reminders = new RoundService(app.ctx);
    const remind = () => {
      reminders
        .sendDueReminders(new Date())
        .catch((error: unknown) => app.log.error({ err: error }, 'review reminders'));
    };
    const reminderTimer = setInterval(remind, 60 * 60 * 1000);
    reminderTimer.unref();
    // Membership deadlines: hourly, idempotent (reminders claimed once, expiry once).
    const { sweepMembership } = await import('../modules/membership/membership.sweep.ts');
    const sweep = () => {
      sweepMembership(app.ctx, new Date()).catch((error: unknown) => app.log.error({ err: error }, 'membership sweep'));
    };
    const sweepTimer = setInterval(sweep, 60 * 60 * 1000);
    sweepTimer.unref();
    // The embedded engine has no autovacuum daemon: its tables' statistics and dead rows are kept up here,
    // every minute, the first time a few seconds after start (a new database's tables have never been
    // analysed; not during the start itself, which must be quick).
    const upkeep = () => {
      keepTablesUp(handle.db).catch((error: unknown) => app.log.error({ err: error }, 'table upkeep'));
    };
    const embedded = handle.engine === 'pglite';
    const upkeepTimer = embedded ? setInterval(upkeep, 60 * 1000) : undefined;
    const firstUpkeep = embedded ? setTimeout(upkeep, 3 * 1000) : undefined;
    upkeepTimer?.unref();
    firstUpkeep?.unref();
    const stop = async () => {
      clearInterval(upkeepTimer);
      clearTimeout(firstUpkeep);
      clearInterval(reminderTimer);
      clearInterval(sweepTimer);
      clearTimeout(firstRound);
      await app.close();
      await mailer.settled();
      mailer.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: options.port ?? config.port, host: config.host });
    // The first round soon after start rather than during it: the embedded engine runs one query at a time,
    // and the first visitors come first.
    const firstRound = setTimeout(() => {
      remind();
      sweep();
    }, 15_000);
    firstRound.unref();
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    await withDatabase(async (handle) => console.log(`migrations applied (${handle.engine})`));
  });

program
  .command('seed')
  .description('apply migrations, then load the catalogue and the network directory (idempotent)')
  .action(async () => {
    await withDatabase(async (handle) => {
      await seed(handle, { force: true });
      console.log(`catalogue and network seeded (${handle.engine})`);
    });
  });

program
  .command('catalogue')
  .description('print the Key Features of Learning Cities')
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
  .addOption(new Option('--lang <lang>', 'language of titles').choices([...LANGUAGES]).default('en'))
  .action((options: { format: 'json' | 'csv'; lang: string }) => {
    if (!isLang(options.lang)) throw new InvalidArgumentError(`unknown language ${options.lang}`);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(presentFramework(options.lang), null, 2)}\n`);
    } else {
      process.stdout.write(stringify(measurementRows(options.lang), { header: true }));
    }
  });

const user = program.command('user').description('manage accounts from the server (the first administrator)');

user
  .command('add <email>')
  .description('create an account with a network-wide role; the password comes from LCO_PASSWORD or a prompt')
  .addOption(
    new Option('--role <role>', 'role to grant')
      .choices(['admin', 'secretariat', 'expert', 'jury'])
      .makeOptionMandatory(),
  )
  .option('--name <name>', 'display name (default: the part of the email before @)')
  .action(async (emailArg: string, options: { role: Role; name?: string }) => {
    const email = EmailSchema.safeParse(emailArg);
    if (!email.success) throw new InvalidArgumentError(`"${emailArg}" is not an email address`);
    const password = process.env.LCO_PASSWORD ?? (await promptHidden(`Password for ${email.data}: `));
    await withDatabase(async (handle) => {
      const accounts = new AccountsService(cliContext(handle));
      await accounts.createUserFromCli(
        email.data,
        options.name ?? email.data.split('@')[0] ?? email.data,
        options.role,
        password,
      );
      console.log(`created ${email.data} with the ${options.role} role`);
    });
  });

const audit = program.command('audit').description('the audit trail');

audit
  .command('verify')
  .description('walk the hash chain; exits non-zero naming the first broken record')
  .action(async () => {
    await withDatabase(async (handle) => {
      const verdict = await verifyAuditChain(handle.db);
      if (verdict.ok) {
        console.log(`audit trail intact: ${verdict.records} records, head ${verdict.headHash}`);
        return;
      }
      console.error(`lco: audit trail broken at record ${verdict.brokenAt}: ${verdict.reason}`);
      process.exitCode = 3;
    });
  });

/** Open, migrate, run, close: the shape of every command that touches the database. */
async function withDatabase(run: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const handle = await openDatabase(readConfig());
  try {
    await migrate(handle);
    await run(handle);
  } finally {
    await handle.close();
  }
}

function cliContext(handle: DatabaseHandle): AppContext {
  const config = readConfig();
  return offlineContext(handle.db, config.dataDir, config.settings);
}

/** Read a password without echoing it; refuses when there is no terminal to ask on. */
async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new InvalidArgumentError('no terminal to ask for the password on: set LCO_PASSWORD');
  const readline = await import('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Mute the echo of typed characters after the question is written.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) =>
    chunk.toString().startsWith(question) ? write(chunk) : true) as typeof process.stdout.write;
  try {
    return await rl.question(question);
  } finally {
    process.stdout.write = write;
    rl.close();
    write('\n');
  }
}

// ── survey ──────────────────────────────────────────────────────────────────────────────────────────────
// Survey statistics from files, so that anyone can check the figures against their own tools (R's survey).
// Bad data or a bad design throw one clear message; the handler below prints it and exits 1.
const survey = program.command('survey').description('survey statistics: weighted estimates with their error margins');

survey
  .command('estimate')
  .description('weighted estimates, standard errors, confidence intervals and design effects (docs/methodology.md)')
  .requiredOption('--data <file.csv>', 'answers, a row per respondent (comma, semicolon or tab; empty = missing)')
  .requiredOption('--design <file.json>', 'weights, strata, clusters, fpc, calibration and the estimates to make')
  .action((options: { data: string; design: string }) => {
    process.stdout.write(presentSurveyEstimates(estimateFromFiles(options.data, options.design)));
  });
// ── end survey ──────────────────────────────────────────────────────────────────────────────────────────

// ── agreement ───────────────────────────────────────────────────────────────────────────────────────────
// Krippendorff's alpha of expert ratings from a file, to check the review figures with other tools. Errors are
// one line on standard error (no help text after them), exit 1.
program
  .command('agreement')
  .description("Krippendorff's alpha between raters (docs/methodology.md, agreement between expert reviewers)")
  .showHelpAfterError(false)
  .requiredOption('--data <file.csv>', 'a row per unit, a column per rater under a header of names; empty = missing')
  .addOption(new Option('--level <level>', 'level of measurement').choices(ALPHA_LEVELS).makeOptionMandatory())
  .action((options: { data: string; level: AlphaLevel }) => {
    const { alpha, units, raters, pairable } = agreementFromFile(options.data, options.level);
    process.stdout.write(`${JSON.stringify({ alpha, units, raters, pairable }, null, 2)}\n`);
  });
// ── end agreement ───────────────────────────────────────────────────────────────────────────────────────

// ── review ──────────────────────────────────────────────────────────────────────────────────────────────
// Expert review jobs for the operator. `lco serve` runs the reminders itself every hour; this runs them once
// (e.g. from cron when the server is not the one to do it). Idempotent: a reviewer gets one reminder per deadline.
const review = program.command('review').description('expert review: jobs around review rounds');

review
  .command('remind')
  .description('mail reviewers whose ratings are due soon (once per deadline; safe to run often)')
  .action(async () => {
    const { RoundService } = await import('../modules/reviews/round.service.ts');
    const config = readConfig();
    await withDatabase(async (handle) => {
      // Delivered now when SMTP is set; otherwise they wait in the outbox like every other mail.
      const mailer = new Mailer(handle.db, config.smtpUrl, config.mailFrom);
      try {
        const sent = await new RoundService({ ...cliContext(handle), mailer }).sendDueReminders(new Date());
        await mailer.deliverPending();
        console.log(`${sent} reminder${sent === 1 ? '' : 's'} queued`);
      } finally {
        mailer.close();
      }
    });
  });
// ── end review ──────────────────────────────────────────────────────────────────────────────────────────

// ── membership ──────────────────────────────────────────────────────────────────────────────────────────
// Membership deadlines for the operator. `lco serve` runs the sweep itself every hour; this runs it once (e.g. from
// cron when the server is not the one to do it). Idempotent: a second run finds nothing to do.
const membership = program.command('membership').description('network membership: jobs around calls and reports');

membership
  .command('sweep')
  .description(
    'remind National Commissions before deadlines, expire late submissions where the call says so, remind due reports',
  )
  .action(async () => {
    const { sweepMembership } = await import('../modules/membership/membership.sweep.ts');
    const config = readConfig();
    await withDatabase(async (handle) => {
      const mailer = new Mailer(handle.db, config.smtpUrl, config.mailFrom);
      try {
        const done = await sweepMembership({ ...cliContext(handle), mailer }, new Date());
        await mailer.deliverPending();
        console.log(
          `${done.reminded} endorsement reminders, ${done.expired} expired, ${done.reportReminders} report reminders`,
        );
      } finally {
        mailer.close();
      }
    });
  });
// ── end membership ──────────────────────────────────────────────────────────────────────────────────────

// ── import/export ───────────────────────────────────────────────────────────────────────────────────────
// Observations as files (issue #4), run by the server's operator: all or nothing, a JSON summary on stdout and
// exit 1 when the file has errors. The module loads on use, so the spreadsheet library slows no other command.
const importCommands =
  program.commands.find((c) => c.name() === 'import') ??
  program.command('import').description('import data from files');
const exportCommands =
  program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('export data to files');

function parseReferenceYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100) throw new InvalidArgumentError('a year from 1990 to 2100');
  return year;
}

importCommands
  .command('observations')
  .description(
    "import values from CSV or XLSX: one city's year (--city, --year), or without them a network-wide file with city and year columns",
  )
  .requiredOption('--file <file>', 'CSV (UTF-8; comma, semicolon or tab) or XLSX; at most 20 MB and 200,000 rows')
  .option('--city <slug>', 'the city (its slug in the network directory)')
  .option(
    '--year <year>',
    'the reference year; the file’s year column must say the same or be empty',
    parseReferenceYear,
  )
  .option('--dry-run', 'check the file and count what would change, then change nothing')
  .action(async (options: { file: string; city?: string; year?: number; dryRun?: boolean }) => {
    if ((options.city === undefined) !== (options.year === undefined)) {
      throw new InvalidArgumentError('give both --city and --year, or neither for a file with city and year columns');
    }
    const [fs, path, { ObservationImportService, OPERATOR }] = await Promise.all([
      import('node:fs'),
      import('node:path'),
      import('../modules/monitoring/observation-import.service.ts'),
    ]);
    const readFile = async () => {
      try {
        return { name: path.basename(options.file), bytes: fs.readFileSync(options.file) };
      } catch (error) {
        throw new InvalidArgumentError(
          `cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        );
      }
    };
    await withDatabase(async (handle) => {
      const imports = new ObservationImportService({ db: handle.db, now: () => new Date() });
      const run = { dryRun: options.dryRun ?? false, meta: null };
      const summary =
        options.city !== undefined && options.year !== undefined
          ? await imports.importCity(OPERATOR, options.city, options.year, readFile, run)
          : await imports.importNetwork(OPERATOR, readFile, run);
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      if (summary.errors.length > 0) process.exitCode = 1;
    });
  });

exportCommands
  .command('observations')
  .description("export a city's values for a year, or with --template every measurement and breakdown")
  .requiredOption('--city <slug>', 'the city (its slug in the network directory)')
  .requiredOption('--year <year>', 'the reference year', parseReferenceYear)
  .option('--template', 'every measurement and breakdown, filled with what is known')
  .addOption(new Option('--format <format>', 'file format (default: from --out, else csv)').choices(['csv', 'xlsx']))
  .requiredOption('--out <file>', 'where to write the file')
  .action(async (options: { city: string; year: number; template?: boolean; format?: 'csv' | 'xlsx'; out: string }) => {
    const [fs, { ObservationImportService, OPERATOR }] = await Promise.all([
      import('node:fs'),
      import('../modules/monitoring/observation-import.service.ts'),
    ]);
    const format = options.format ?? (options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
    await withDatabase(async (handle) => {
      const exports = new ObservationImportService({ db: handle.db, now: () => new Date() });
      const file = await exports.export(OPERATOR, options.city, options.year, {
        format,
        template: options.template ?? false,
      });
      fs.writeFileSync(options.out, file.body);
      console.log(`wrote ${options.out}: ${file.rows} rows (${format})`);
    });
  });
// ── end import/export ───────────────────────────────────────────────────────────────────────────────────

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return port;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // The one clear line a person sees; details belong in logs, not in their terminal.
  if (error instanceof HttpProblem) {
    console.error(`lco: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    console.error(`lco: ${error.message}`);
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`lco: ${message}`);
  process.exit(1);
}
