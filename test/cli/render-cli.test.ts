import { main } from '../../src/cli/main';
import { runRender } from '../../src/cli/render';
import { fakeIO } from './fake-io';

const NOTE = '# Net\n\n```containers\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n```\n\n```vpc\nname: x\ncidr: 10.0.0.0/99\n```\n';

describe('cloudnotes render', () => {
	it('prints the note with drawable blocks as mermaid, keeps a broken one and says why (exit 1)', async () => {
		const t = fakeIO({ 'n.md': NOTE });
		expect(await main(['render', 'n.md'], t.io)).toBe(1);
		expect(t.stdout()).toContain('```mermaid\nflowchart LR');
		expect(t.stdout()).toContain('```vpc\nname: x\ncidr: 10.0.0.0/99\n```');
		expect(t.stderr()).toMatch(/^n\.md:10: vpc block kept as written: invalid-cidr at line 12/);
	});

	it('writes --out, and with --svg an image per diagram beside it', async () => {
		const files: Record<string, string> = { 'n.md': NOTE.replace(/```vpc[\s\S]*$/, '') };
		const t = fakeIO(files);
		const rendered: string[] = [];
		const code = await runRender(['n.md', '--out', 'out/page.md', '--svg'], t.io, () => ({
			render: async (texts) => {
				rendered.push(...texts);
				return texts.map((_, i) => `<svg id="d${i}"></svg>`);
			},
		}));
		expect(code).toBe(0);
		expect(rendered).toHaveLength(1);
		// SVGs are drawn with our pack registered: the text names our icons.
		expect(rendered[0]).toContain('cloudnotes:logo-nginx');
		expect(files['out/page-1.svg']).toBe('<svg id="d0"></svg>');
		expect(files['out/page.md']).toContain('![containers host](page-1.svg)');
		expect(files['out/page.md']).not.toContain('```mermaid');
	});

	it('writes mermaid blocks without icons unless --icons asks (a site without our pack would show placeholders)', async () => {
		const plain = fakeIO({ 'n.md': NOTE });
		await main(['render', 'n.md'], plain.io);
		expect(plain.stdout()).not.toContain('cloudnotes:');
		const withIcons = fakeIO({ 'n.md': NOTE });
		await main(['render', 'n.md', '--icons'], withIcons.io);
		expect(withIcons.stdout()).toContain('icon: "cloudnotes:logo-nginx"');
		expect(withIcons.stdout()).toContain('%% Icons: this diagram uses the Cloudnotes icon pack');
	});

	it('says what --svg needs when it cannot run, and refuses bad usage', async () => {
		const t = fakeIO({ 'n.md': NOTE });
		expect(await runRender(['n.md', '--out', 'o.md', '--svg'], t.io, () => '--svg needs a Chromium')).toBe(2);
		expect(t.stderr()).toContain('--svg needs a Chromium');
		expect(await main(['render', 'n.md', '--svg'], t.io)).toBe(2);
		expect(await main(['render', 'n.md', '--direction', 'up'], t.io)).toBe(2);
	});
});
