import { main } from '../../src/cli/main';
import { analyzeNote } from '../../src/core/topology';
import { AWS_CLI_OUTPUTS, TERRAFORM_STATE } from '../core/import/fixtures';
import { JSON_TEMPLATE } from '../core/topology/cloudformation-fixtures';
import { fakeIO } from './fake-io';

const files = Object.fromEntries(AWS_CLI_OUTPUTS.map((doc, i) => [`snap/${i}.json`, JSON.stringify(doc)]));

describe('cloudnotes import', () => {
	it('prints fenced vpc blocks that lint clean, and lists what was not represented on stderr', async () => {
		const t = fakeIO(files);
		expect(await main(['import', ...Object.keys(files)], t.io)).toBe(0);
		const blocks = analyzeNote(t.stdout());
		expect(blocks.map((b) => [b.kind, b.analysis.title])).toEqual([['vpc', 'imported-network']]);
		expect(blocks.flatMap((b) => b.analysis.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
		expect(t.stderr()).toContain('not represented: lab: route table public: 10.8.0.0/16 -> pcx-9');
		expect(t.stderr()).toContain('VPN gateway vgw-1 is attached to no VPC');
		expect(t.stderr()).toMatch(/1 vpc block from aws-cli; \d+ items not represented/);
	});

	it('detects Terraform and CloudFormation, and takes --from', async () => {
		const t = fakeIO({ 'state.json': JSON.stringify(TERRAFORM_STATE), 'stack.json': JSON_TEMPLATE.replace(/^#.*\n/gm, '') });
		expect(await main(['import', 'state.json', 'stack.json'], t.io)).toBe(0);
		expect(analyzeNote(t.stdout()).map((b) => b.analysis.title)).toEqual(['tf-lab', 'MainVpc']);
		const forced = fakeIO({ 'stack.json': JSON_TEMPLATE.replace(/^#.*\n/gm, '') });
		expect(await main(['import', '--from', 'cloudformation', 'stack.json'], forced.io)).toBe(0);
		expect(forced.stderr()).toContain('1 vpc block from cloudformation');
	});

	it('says what is wrong: bad --from is usage (2), unreadable input is 1', async () => {
		const t = fakeIO({ 'a.txt': 'words' });
		expect(await main(['import', '--from', 'pulumi', 'a.txt'], t.io)).toBe(2);
		expect(t.stderr()).toContain('--from is aws-cli, terraform, cloudformation, not "pulumi"');
		const u = fakeIO({ 'a.txt': 'words' });
		expect(await main(['import', 'a.txt'], u.io)).toBe(1);
		expect(u.stderr()).toContain('a.txt: not recognised');
		expect(await main(['import'], fakeIO({}).io)).toBe(2);
	});
});

describe('cloudformation blocks on the command line', () => {
	const note = `# 템플릿\n\n\`\`\`cloudformation\n${JSON_TEMPLATE.trimEnd()}\n\`\`\`\n`;

	it('lint prints template positions in the note; trace answers by logical id', async () => {
		const t = fakeIO({ 'cfn.md': note });
		expect(await main(['lint', 'cfn.md'], t.io)).toBe(0);
		expect(t.stdout()).toContain('cfn.md:5:1 warning flow-blocked flow `internet -> Bastion tcp/22` cannot pass');
		expect(t.stdout()).toMatch(/cfn\.md:\d+:\d+ warning peering-one-sided route 10\.99\.0\.0\/16 -> `Peering` has no route back/);
		const trace = fakeIO({ 'cfn.md': note });
		expect(await main(['trace', 'cfn.md', '--from', '203.0.113.9', '--to', 'Bastion', '--port', '22', '--proto', 'tcp'], trace.io)).toBe(0);
		const refused = fakeIO({ 'cfn.md': note });
		expect(await main(['trace', 'cfn.md', '--from', 'internet', '--to', 'Bastion', '--port', '22', '--proto', 'tcp'], refused.io)).toBe(1);
		expect(refused.stdout()).toContain('BastionSG');
	});
});
