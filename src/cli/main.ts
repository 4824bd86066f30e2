import { nearest, nodeIO, UsageError, wantsJson, type CliIO } from './io';

export { nodeIO };
import { runLint } from './lint';
import { runMermaid } from './mermaid';
import { runTrace } from './trace';
import { runCards } from './cards';
import { runRender } from './render';
import { runImport } from './import';
import { runModel } from './model';

export const USAGE = `Usage: cloudnotes <command> [options]

Commands:
  lint <file|folder>... [--format text|json] [--pretty]
      Every diagnostic of every topology block: file:line:column severity code message
      (json: one diagnostic per line in the array; --pretty indents it).
      Exit 1 when any error, 0 otherwise, 2 on bad usage.
  mermaid <file> [--block N] [--icons]
      The Mermaid text of each topology block (N counts the note's topology blocks from 1);
      --icons draws icons, which need the pack that \`mermaid --icon-pack\` prints (registerIconPacks JSON).
  trace <file> --from A --to B [--port N] [--proto tcp|udp|icmp] [--block N] [--format text|json]
      Can A reach B? The verdict and each hop. Exit 0 when allowed, 1 when refused, 2 when
      A or B is not in the block (json: { "error", "suggestions" }, the nearest names).
  model <file> [--block N] [--format json|text] [--pretty]
      The checked network of each VPC-shaped block (vpc, cloudformation, terraform) as JSON:
      { blocks: [ { block, language, line, errors, vpcs: [ { id, name, line, cidr, subnets: [ { id,
      name, cidr, zone, public, routeTable } ], internetGateways, natGateways, instances, loadBalancers,
      securityGroups, ... } ], links: { peerings, transitGateways, endpoints, vpnGateways,
      customerGateways, vpnConnections } } ] } (text: one line per VPC and link, with its note line).
      Exit 1 when a block has errors, 2 when none holds a VPC.
  cards <file|folder>... [--format json|jsonl|tsv] [--pretty]
      The flashcards the notes make (json: an array of id, file, line, kind, front, back, context,
      one card per line, --pretty indents it; jsonl: one card object per line; tsv: for Anki).
      Written as the files are read: large vaults stream.
  render <note> [--out FILE] [--svg] [--icons] [--direction TB|LR]
      The note with each topology block replaced by a mermaid block, for publishers that run no
      plugin (Quartz, Obsidian Publish, static sites). --svg writes SVG files beside FILE instead
      (needs playwright-core, mermaid and a Chromium), drawn with the icons. --icons draws the mermaid
      blocks with icons too (the site must register the pack that \`mermaid --icon-pack\` prints).
      Exit 1 when a block stayed as written.
  import <file>... [--from aws-cli|terraform|cloudformation]
      A vpc block per VPC from \`aws ec2 describe-*\` JSON (files one by one or concatenated),
      \`terraform show -json\` (state or plan) or a CloudFormation template (detected when --from
      is left out). What a block cannot hold is listed in comments at its top and on stderr.

Options:
  -h, --help     show this help
  --version      show the version

Exit codes: 0 allowed or clean; 1 refused, or findings at error level; 2 bad usage (an unknown
command, option, format, block number, trace end or file). With --format json a usage error is
{ "error": "...", "suggestions": [...] } on stdout.`;

const COMMANDS: Record<string, (args: readonly string[], io: CliIO) => Promise<number>> = {
	lint: runLint,
	mermaid: runMermaid,
	trace: runTrace,
	cards: runCards,
	render: (args, io) => runRender(args, io),
	import: runImport,
	model: runModel,
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === '-h' || command === '--help' || command === 'help') {
		io.out(USAGE);
		return command ? 0 : 2;
	}
	if (command === '--version') {
		io.out('0.1.0');
		return 0;
	}
	const run = COMMANDS[command];
	if (!run) return usageError(new UsageError(`unknown command "${command}"`, nearest(command, Object.keys(COMMANDS))), undefined, rest, io);
	if (rest.includes('--help') || rest.includes('-h')) {
		io.out(USAGE);
		return 0;
	}
	try {
		return await run(rest, io);
	} catch (e) {
		if (e instanceof UsageError) return usageError(e, command, rest, io);
		io.err(`cloudnotes ${command}: ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
}

/**
 * Exit 2. With `--format json` (or jsonl) the answer is `{ "error", "suggestions" }` on stdout, so
 * a script reading JSON can tell a typo from a refusal; otherwise words on stderr.
 */
function usageError(e: UsageError, command: string | undefined, args: readonly string[], io: CliIO): number {
	if (wantsJson(args)) {
		io.out(JSON.stringify({ error: e.message, suggestions: e.suggestions }));
		return 2;
	}
	const message = command ? `cloudnotes ${command}: ${e.message}` : `cloudnotes: ${e.message}`;
	const hint = e.suggestions.length > 0 ? `\n  try: ${e.suggestions.join(', ')}` : '';
	io.err(`${message}${hint}${e.withUsage ? `\n\n${USAGE}` : '\nRun `cloudnotes --help` for usage.'}`);
	return 2;
}

/** Runs the command line on this process's arguments (used by bin/cloudnotes.js and `node dist/cli.js`). */
export function runFromProcess(): void {
	void main(process.argv.slice(2), nodeIO()).then((code) => {
		process.exitCode = code;
	});
}

if (require.main === module) runFromProcess();
