import { CardIndex, extractNote } from '../../../src/core/cards';
import { fixture, note } from './helpers';

const base = note(
	'# 1. Networking',
	'## 1.1 VPC',
	'---',
	'a private network',
	'- **Subnet** : a slice',
	'\t- public or private',
	'> [!tip] Why NAT?',
	'> outbound only',
	'',
	'> **IGW**',
	'> the way out',
	'## 1.2 Security',
	'- **SG**: stateful',
);

const ids = (text: string, file = 'net/vpc.md') => {
	const map = new Map<string, string>();
	for (const c of extractNote(file, text).cards) map.set(`${c.kind}:${c.front}`, c.id);
	return map;
};

describe('card identity', () => {
	const before = ids(base);

	it('gives every card of a note a distinct id', () => {
		expect(before.size).toBe(6);
		expect(new Set(before.values()).size).toBe(6);
	});

	it('is deterministic across runs (pinned values guard the documented scheme)', () => {
		expect(ids(base)).toEqual(before);
		const first = extractNote('net/vpc.md', base).cards[0];
		expect(first?.id).toMatch(/^h-[0-9a-v]{11}$/);
		expect(first?.id).toBe(extractNote('net/vpc.md', base).cards[0]?.id);
	});

	it('survives editing the back', () => {
		const edited = base
			.replace('a private network', 'an isolated private network in one region')
			.replace('\t- public or private', '\t- public or private\n\t- in one AZ')
			.replace('> outbound only', '> outbound only, never inbound')
			.replace('> the way out', '> the way in and out')
			.replace('stateful', 'stateful firewall');
		expect(ids(edited)).toEqual(before);
	});

	it('survives lines inserted above', () => {
		expect(ids('intro\n\n> a remark\n\n' + base)).toEqual(before);
	});

	it('survives moving a section among its siblings, renumbered', () => {
		const lines = base.split('\n');
		const moved = [lines[0], ...lines.slice(11).map((l) => l.replace('1.2', '1.1')), ...lines.slice(1, 11).map((l) => l.replace('1.1', '1.2'))].join('\n');
		const after = ids(moved);
		expect(after).toEqual(before);
		expect(extractNote('net/vpc.md', moved).cards.find((c) => c.front === 'SG')?.line).toBe(3);
	});

	it('changes when the heading text changes, for the heading and every card under it', () => {
		const after = ids(base.replace('## 1.1 VPC', '## 1.1 Virtual Private Cloud'));
		expect(after.get('heading:Virtual Private Cloud')).not.toBe(before.get('heading:VPC'));
		expect(after.get('definition:Subnet')).not.toBe(before.get('definition:Subnet'));
		expect(after.get('definition:SG')).toBe(before.get('definition:SG'));
	});

	it('changes when the term or callout title changes', () => {
		const after = ids(base.replace('**Subnet**', '**Subnets**').replace('Why NAT?', 'Why a NAT gateway?'));
		expect(after.get('definition:Subnets')).not.toBe(before.get('definition:Subnet'));
		expect(after.get('callout:Why a NAT gateway?')).not.toBe(before.get('callout:Why NAT?'));
		expect(after.get('quote:IGW')).toBe(before.get('quote:IGW'));
	});

	it('depends on the note path, which is NFC-normalised and uses forward slashes', () => {
		expect(ids(base, 'other.md').get('heading:VPC')).not.toBe(before.get('heading:VPC'));
		const nfc = '클라우드/기술.md';
		expect(ids(base, nfc.normalize('NFD'))).toEqual(ids(base, nfc));
		expect(ids(base, 'net\\vpc.md')).toEqual(before);
	});

	it('tells apart the same term twice under one heading by an ordinal, the first keeping its id', () => {
		const one = extractNote('n.md', note('## H', '- **T**: a')).cards.filter((c) => c.kind === 'definition');
		const two = extractNote('n.md', note('## H', '- **T**: a', '- **T**: b')).cards.filter((c) => c.kind === 'definition');
		expect(two).toHaveLength(2);
		expect(two[0]?.id).toBe(one[0]?.id);
		expect(two[1]?.id).not.toBe(two[0]?.id);
	});

	it('survives a rename through the index, which reports old -> new for every card', () => {
		const index = new CardIndex();
		index.setNote('net/vpc.md', base);
		const oldIds = index.inFile('net/vpc.md').map((c) => c.id);
		const pairs = index.renameNote('net/vpc.md', 'archive/vpc.md');
		expect(pairs.map((p) => p.oldId)).toEqual(oldIds);
		expect(pairs.map((p) => p.newId)).toEqual(extractNote('archive/vpc.md', base).cards.map((c) => c.id));
		expect(index.inFile('net/vpc.md')).toEqual([]);
		expect(index.inFile('archive/vpc.md').every((c) => c.file === 'archive/vpc.md')).toBe(true);
		expect(index.byId(oldIds[0])).toBeUndefined();
		expect(index.byId(pairs[0]?.newId)?.front).toBe('VPC');
	});

	it('hash changes with the back but not with the position', () => {
		const card = (text: string) => extractNote('n.md', text).cards.find((c) => c.kind === 'definition');
		expect(card('x\n' + base)?.hash).toBe(card(base)?.hash);
		expect(card(base.replace('a slice', 'a slice of it'))?.hash).not.toBe(card(base)?.hash);
	});

	it('is unique across every card of the Korean study note', () => {
		const cards = extractNote('study.md', fixture('study-note-ko.md')).cards;
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
	});
});
