// List mode: print the matching objects.
import type { KgctlOptions } from '../args';
import { connect } from '../connect';
import { EXIT_OK, type Io } from '../io';
import { listOutput } from '../output';
import { prepareFilter, select } from '../select';

export async function listMode(o: KgctlOptions, io: Io): Promise<number> {
  const filter = await prepareFilter(o, io);
  if (o.input !== undefined) {
    const sel = await select(filter, o, { input: o.input }, io);
    io.stdout(listOutput(o.kind, sel.objects, o.output, o.pretty));
    return EXIT_OK;
  }
  const client = connect(o, io, 'list');
  try {
    const sel = await select(filter, o, { client }, io);
    io.stdout(listOutput(o.kind, sel.objects, o.output, o.pretty));
    return EXIT_OK;
  } finally {
    client.dispose();
  }
}
