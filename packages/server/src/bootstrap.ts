import { type DatabaseHandle, openDatabase, type OpenOptions } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { CatalogueRepository } from './modules/monitoring/catalogue.repository.ts';
import { seedCatalogue } from './modules/monitoring/catalogue.seed.ts';
import { NetworkRepository } from './modules/network/network.repository.ts';
import { seedNetwork } from './modules/network/network.seed.ts';

/** Reference data every installation has: the catalogue and the network directory. Idempotent. */
export async function seed(handle: DatabaseHandle): Promise<void> {
  await seedCatalogue(new CatalogueRepository(handle.db));
  await seedNetwork(new NetworkRepository(handle.db));
}

/** Open the configured database, bring its schema up to date and seed it: what `lco serve` does first. */
export async function openPrepared(options: OpenOptions): Promise<DatabaseHandle> {
  const handle = await openDatabase(options);
  try {
    await migrate(handle);
    await seed(handle);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
