/**
 * `npm run corpus [-- DIR] [--verbose]`: reads every postmortem of the corpus (DIR, else $CORPUS_DIR,
 * else test/corpus/postmortems) and prints how the reader did, as a Markdown table.
 */
import { corpusDirectory, corpusTable, readCorpus, scoreDocument } from '../test/corpus/corpusScore';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const directory = args.find((arg) => !arg.startsWith('--'));
if (directory) process.env.CORPUS_DIR = directory;
const documents = readCorpus(corpusDirectory());
if (documents.length === 0) {
  process.stderr.write(`no corpus documents in ${corpusDirectory()}\n`);
  process.exit(1);
}
const scores = documents.map(scoreDocument);
process.stdout.write(`${corpusTable(scores)}\n`);
if (verbose) {
  for (const score of scores) {
    if (score.error) process.stdout.write(`\n${score.name}: ${score.error}\n`);
    if (score.missed.length > 0) process.stdout.write(`\n${score.name} missed (${score.extra} extra):\n  ${score.missed.join('\n  ')}\n`);
  }
}
