import { extractNote } from '../../../src/core/cards';
import { fixture, isSubsequence, summary } from './helpers';

/** The real study note from issue 5: every form in it must make the right cards, and no others. */
describe('the seed note', () => {
	const text = fixture('seed-note.md');
	const { cards, optedOut } = extractNote('클라우드/seed.md', text);
	const find = (kind: string, front: string) => cards.find((c) => c.kind === kind && c.front === front);

	it('makes exactly the cards a reader expects, in note order', () => {
		expect(optedOut).toBe(false);
		expect(summary(cards)).toEqual([
			['heading', 21, '그리드 컴퓨팅'],
			['definition', 25, '그리드 컴퓨팅'],
			['quote', 31, 'Server Resource Provisioning'],
			['heading', 41, '가상화 기술'],
			['heading', 51, '호스트 os 형'],
			['heading', 55, 'hypervisor 가상화'],
			['quote', 61, 'KVM'],
			['heading', 65, '컨테이너 가상화'],
			['quote', 78, '컨테이너 와 hypervisor 의 차이'],
			['heading', 83, 'Docker'],
			['heading', 87, 'Docker란?'],
			['heading', 96, 'Docker의 주요 개념'],
			['definition', 100, '이미지(Image)'],
			['definition', 106, '컨테이너(Container)'],
			['definition', 110, 'Dockerfile'],
			['definition', 129, 'Docker Hub'],
		]);
	});

	it('strips outline numbers and emphasis from heading fronts and context', () => {
		expect(find('heading', 'Docker의 주요 개념')?.context).toEqual(['Docker']);
		expect(find('heading', '가상화 기술')?.context).toEqual(['클라우드 기반 기술']);
		expect(find('heading', '호스트 os 형')?.context).toEqual(['클라우드 기반 기술', '가상화 기술']);
		expect(find('quote', 'KVM')?.context).toEqual(['클라우드 기반 기술', '가상화 기술', 'hypervisor 가상화']);
	});

	it('keeps the --- under a heading, the frontmatter and the table of contents off every card', () => {
		for (const card of cards) {
			expect(card.back.startsWith('---')).toBe(false);
			expect(card.back).not.toContain('dg-publish');
			expect(card.back).not.toContain('table-of-contents');
			expect(card.back).not.toContain('debugInConsole');
		}
	});

	it('gives a heading card its own body, images with spaces kept, up to the next heading', () => {
		const grid = find('heading', '그리드 컴퓨팅');
		expect(grid?.back.split('\n')[0]).toBe('![gird computing.png](/img/user/images/gird computing.png)');
		expect(grid?.back.endsWith('Naver Cloud 에서는 Bare Metal 서비스도 제공한다.*')).toBe(true);
		const virtualization = find('heading', '가상화 기술');
		expect(virtualization?.back.endsWith('![가상화 종류.png](/img/user/images/가상화 종류.png)')).toBe(true);
		expect(virtualization?.back).not.toContain('호스트 os 형');
	});

	it('reads a bold term with " : " and its tab-indented nested list', () => {
		expect(find('definition', '그리드 컴퓨팅')?.back).toBe(
			[
				'여러 대의 물리적 서버를 **초고속 네트워크**로 연결해 마치 **하나의 강력한 컴퓨터처**럼 활용하는 것',
				'-  분산된 물리적 자원을 통합하여 하나의 시스템처럼 운영.',
				'- 데이터 센터 전체의 하드웨어 자원을 단일 리소스 풀로 추상화.',
				'  *수 많은 네트워크 장비들,  스토리지 장비 , cpu 장비들이 초고속 네트워크로 묶여 있음*',
			].join('\n'),
		);
	});

	it('reads a bold term ending in a colon with a space-indented nested list, stopping at the next item', () => {
		expect(find('definition', '이미지(Image)')?.back).toBe(
			['- 컨테이너를 실행하기 위한 **템플릿**이다.', '- 파일 시스템과 애플리케이션, 종속성을 포함한다.', '- 예: `nginx`, `mysql`, `python:3.9`.'].join('\n'),
		);
	});

	it('reads definition quotes with and without a space after >, and with a no-break space before the colon', () => {
		expect(find('quote', 'Server Resource Provisioning')?.back).toBe(
			'CPU, Memory, IO 등과 같은 실제 서버의 자원을 할당해주고 운영할 수 있게 제공해주는 것을 말한다.',
		);
		expect(find('quote', 'KVM')?.back).toBe('Linux OS를 Type1 하이퍼바이저로 전환한다. 즉, Linux 커널에 KVM 하이퍼바이저가 위치하게 된다.');
		expect(find('quote', '컨테이너 와 hypervisor 의 차이')?.back.split('\n')).toHaveLength(2);
	});

	it('keeps a code block on its heading card but makes no card from inside it', () => {
		expect(find('heading', 'Docker의 주요 개념')?.back).toContain('```dockerfile\n# Dockerfile \n# 1. base-image 선택 ');
		expect(cards.some((c) => c.front.includes('base-image') || c.front === 'Dockerfile ')).toBe(false);
	});

	it('makes no card from empty headings, bold text without a colon, plain quotes or link-only sections', () => {
		const fronts = cards.map((c) => c.front);
		for (const absent of ['클라우드 기반 기술', '클라우드 VPC', '장점', 'KVM (kernel-based virtual machine)', 'vpc 개념', 'Nat Gate Way', 'Bare Metal 서비스']) {
			expect(fronts).not.toContain(absent);
		}
		expect(cards.some((c) => c.front.startsWith('클라우드 콘솔'))).toBe(false);
	});

	it('only removes characters: every front and back reads off the note in order', () => {
		for (const card of cards) {
			expect(isSubsequence(card.front, text)).toBe(true);
			expect(isSubsequence(card.back, text)).toBe(true);
		}
	});
});
