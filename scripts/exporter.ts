// Live demo exporter: `npx tsx scripts/exporter.ts [--port 9464]` (or PORT=9464).
import { startExporter } from './exporterServer';

function portFromArgs(argv: string[]): number {
  const flagIndex = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const flag = flagIndex < 0 ? undefined : argv[flagIndex]?.includes('=') ? argv[flagIndex]?.split('=')[1] : argv[flagIndex + 1];
  const raw = flag ?? process.env.PORT ?? '9464';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${raw}`);
  return port;
}

const exporter = await startExporter({ port: portFromArgs(process.argv.slice(2)) });
console.log(`vigil demo exporter on ${exporter.url}/metrics (per instance: ${exporter.url}/metrics/web-1 … web-3)
  start the leak: curl -X POST ${exporter.url}/leak/start
  deploy the fix: curl -X POST ${exporter.url}/leak/fix`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void exporter.stop().then(() => process.exit(0));
  });
}
