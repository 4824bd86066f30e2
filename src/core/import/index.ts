/**
 * `cloudnotes import` and the "Insert VPC block from clipboard" command: AWS CLI JSON, Terraform
 * JSON or a CloudFormation template in, one `vpc` block per VPC out. Pure: text in, text out.
 */

import { cloudFormationLanguage } from '../topology/cloudformation';
import { composeYaml } from '../topology/yaml/yaml-compose';
import { isMap, isScalar } from '../topology/yaml/yaml-nodes';
import { AWS_CLI_KEYS, importAwsCli, type ImportResult } from './aws-cli';
import { toVpcBlock } from './draft';
import { importCloudFormation } from './from-cloudformation';
import { importTerraform, isTerraformJson } from './terraform';

/** `aws-cli`, `terraform`, or a template of the CloudFormation language (the format is named by its id). */
export type ImportFormat = string;
const TEMPLATE = cloudFormationLanguage.id;
/** `--from terraform`: the JSON of `terraform show -json` (the terraform block language reads HCL). */
const TERRAFORM_JSON = 'terraform'; // an import format, not a block kind
export const IMPORT_FORMATS: readonly ImportFormat[] = ['aws-cli', TERRAFORM_JSON, TEMPLATE];

export interface ImportInput {
	/** A file name or `clipboard`, for messages. */
	name: string;
	text: string;
}

export interface ImportedBlock {
	/** The VPC's name in the block. */
	name: string;
	/** The block's YAML (comments first), without the fence. */
	yaml: string;
	/** The block fenced, ready to paste into a note. */
	fenced: string;
	/** What the input held for this VPC that the block cannot say. */
	notes: string[];
}

export interface ImportOutput {
	blocks: ImportedBlock[];
	/** Notes about the input as a whole (outputs not read, resources of no VPC). */
	notes: string[];
	/** The format read, per input. */
	formats: ImportFormat[];
}

export class ImportError extends Error {}

/**
 * The JSON values of a text: one document, or several written one after the other (outputs
 * concatenated with `cat`). Null when the text is not JSON.
 */
export function splitJsonDocuments(text: string): unknown[] | null {
	const docs: unknown[] = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		while (i < n && /\s/.test(text[i] ?? '')) i++;
		if (i >= n) break;
		const open = text[i];
		if (open !== '{' && open !== '[') return null;
		let depth = 0;
		let inString = false;
		let j = i;
		for (; j < n; j++) {
			const ch = text[j];
			if (inString) {
				if (ch === '\\') j++;
				else if (ch === '"') inString = false;
				continue;
			}
			if (ch === '"') inString = true;
			else if (ch === '{' || ch === '[') depth++;
			else if (ch === '}' || ch === ']') {
				depth--;
				if (depth === 0) break;
			}
		}
		if (depth !== 0) return null;
		try {
			docs.push(JSON.parse(text.slice(i, j + 1)));
		} catch {
			return null;
		}
		i = j + 1;
	}
	return docs.length ? docs : null;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Which format a text is, or null when none fits. */
export function detectFormat(text: string): ImportFormat | null {
	const docs = splitJsonDocuments(text);
	if (docs) {
		const objects = docs.filter(isObject);
		if (objects.some((d) => 'Resources' in d || 'AWSTemplateFormatVersion' in d)) return TEMPLATE;
		if (objects.some(isTerraformJson)) return TERRAFORM_JSON;
		if (objects.some((d) => Object.keys(d).some((k) => (AWS_CLI_KEYS as readonly string[]).includes(k)))) return 'aws-cli';
		// Other AWS CLI outputs (describe-network-interfaces, ...): PascalCase keys holding lists.
		if (objects.length && objects.every((d) => Object.entries(d).some(([k, v]) => /^[A-Z][A-Za-z]+$/.test(k) && Array.isArray(v)))) return 'aws-cli';
		return null;
	}
	const { root } = composeYaml(text);
	if (isMap(root) && root.items.some((p) => isScalar(p.key) && (p.key.value === 'Resources' || p.key.value === 'AWSTemplateFormatVersion'))) return TEMPLATE;
	return null;
}

const FORMAT_HINT = 'give --from aws-cli|terraform|cloudformation, or pass the JSON of `aws ec2 describe-*`, `terraform show -json` or a CloudFormation template';

export function importVpcBlocks(inputs: readonly ImportInput[], from?: ImportFormat): ImportOutput {
	const formats: ImportFormat[] = [];
	const awsDocs: Json[] = [];
	const results: { result: ImportResult; origin: string }[] = [];
	const awsNames: string[] = [];
	for (const input of inputs) {
		const format = from ?? detectFormat(input.text);
		if (!format) throw new ImportError(`${input.name}: not recognised as AWS CLI JSON, Terraform JSON or a CloudFormation template; ${FORMAT_HINT}`);
		formats.push(format);
		if (!IMPORT_FORMATS.includes(format)) throw new ImportError(`${input.name}: unknown format \`${format}\`; ${FORMAT_HINT}`);
		if (format === TEMPLATE) {
			results.push({ result: importCloudFormation(input.text), origin: `CloudFormation template ${input.name}` });
			continue;
		}
		const docs = splitJsonDocuments(input.text);
		if (!docs) throw new ImportError(`${input.name}: ${format === TERRAFORM_JSON ? 'Terraform' : 'AWS CLI'} output is JSON, and this is not valid JSON`);
		const objects = docs.filter(isObject);
		if (format === TERRAFORM_JSON) {
			for (const doc of objects) {
				if (!isTerraformJson(doc)) throw new ImportError(`${input.name}: not \`terraform show -json\` output (no format_version/values)`);
				results.push({ result: importTerraform(doc), origin: `terraform show -json ${input.name}` });
			}
			continue;
		}
		// AWS CLI outputs of several files describe one account: they are read together.
		awsDocs.push(...objects);
		awsNames.push(input.name);
	}
	if (awsDocs.length) results.unshift({ result: importAwsCli(awsDocs), origin: `AWS CLI output ${awsNames.join(', ')}` });
	const blocks: ImportedBlock[] = [];
	const notes: string[] = [];
	for (const { result, origin } of results) {
		notes.push(...result.notes);
		for (const draft of result.drafts) {
			// Notes about the input as a whole go into every block too: each block is pasted alone.
			const yaml = toVpcBlock(draft, origin, result.notes);
			blocks.push({ name: draft.name, yaml, fenced: '```vpc\n' + yaml + '```\n', notes: draft.notes });
		}
	}
	if (blocks.length === 0) notes.push('no VPC found in the input');
	return { blocks, notes, formats };
}
