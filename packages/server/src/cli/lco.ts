import { isLang, LANGUAGES, measurementRows, presentFramework } from '@lco/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { openPrepared, seed } from '../bootstrap.ts';
import { ConfigError, readConfig } from '../platform/config.ts';
import { DatabaseUnavailableError, openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { buildApp } from '../platform/http/app.ts';

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
    const handle = await openPrepared(config);
    const app = await buildApp({ db: handle.db, webDist: config.webDist, logger: { level: config.logLevel } });
    const stop = async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: options.port ?? config.port, host: config.host });
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const handle = await openDatabase(readConfig());
    try {
      await migrate(handle);
      console.log(`migrations applied (${handle.engine})`);
    } finally {
      await handle.close();
    }
  });

program
  .command('seed')
  .description('apply migrations, then load the catalogue and the network directory (idempotent)')
  .action(async () => {
    const handle = await openDatabase(readConfig());
    try {
      await migrate(handle);
      await seed(handle, { force: true });
      console.log(`catalogue and network seeded (${handle.engine})`);
    } finally {
      await handle.close();
    }
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

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return port;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // The one clear line a person sees; details belong in logs, not in their terminal.
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    console.error(`lco: ${error.message}`);
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`lco: ${message}`);
  process.exit(1);
}
