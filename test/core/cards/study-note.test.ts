import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import { fixture, isSubsequence, summary } from './helpers';
import { isAtomicBack } from '../../../src/core/cards/atomic-heading';

/**
 * A study note written in the style issue 5 describes (numbered Korean headings with `---` under
 * them, bold terms with ` : `, tab-indented lists, quotes with and without a space after `>`):
 * every form in it must make the right cards, and no others.
 */
describe('a Korean study note', () => {
	const text = fixture('study-note-ko.md');
	const { cards, optedOut } = extractNote('네트워크/study.md', text);
	const find = (kind: string, front: string) => cards.find((c) => c.kind === kind && c.front === front);

	it('makes exactly the cards a reader expects, in note order', () => {
		expect(optedOut).toBe(false);
		expect(summary(cards)).toEqual([
			// The bold term on line 23 repeats this section's title: the heading card holds it.
			['heading', 19, '로드 밸런싱'],
			['quote', 29, 'Sticky Session'],
			['heading', 39, 'DNS 동작 방식'],
			['heading', 49, 'A 레코드'],
			['heading', 53, 'CNAME 레코드'],
			['quote', 59, 'TTL'],
			['heading', 63, 'CDN 캐싱'],
			['quote', 76, 'CDN 과 로드 밸런서 의 차이'],
			['heading', 81, 'Kubernetes'],
			['heading', 85, 'Kubernetes란?'],
			['heading', 94, 'Kubernetes의 핵심 개념'],
			['definition', 98, '파드(Pod)'],
			['definition', 104, '디플로이먼트(Deployment)'],
			['definition', 108, 'Dockerfile'],
			['definition', 131, 'kubectl'],
		]);
	});

	it('strips outline numbers and emphasis from heading fronts and context', () => {
		expect(find('heading', 'Kubernetes의 핵심 개념')?.context).toEqual(['Kubernetes']);
		expect(find('heading', 'Kubernetes란?')?.context).toEqual(['Kubernetes']);
		expect(find('heading', 'DNS 동작 방식')?.context).toEqual(['네트워크 기초']);
		expect(find('heading', 'A 레코드')?.context).toEqual(['네트워크 기초', 'DNS 동작 방식']);
		expect(find('quote', 'TTL')?.context).toEqual(['네트워크 기초', 'DNS 동작 방식', 'CNAME 레코드']);
		expect(find('definition', '파드(Pod)')?.context).toEqual(['Kubernetes', 'Kubernetes의 핵심 개념']);
	});

	it('keeps the --- under a heading, the frontmatter and the table of contents off every card', () => {
		for (const card of cards) {
			expect(card.back.startsWith('---')).toBe(false);
			expect(card.back).not.toContain('dg-publish');
			expect(card.back).not.toContain('permalink');
			expect(card.back).not.toContain('table-of-contents');
			expect(card.back).not.toContain('includeLinks');
		}
	});

	it('gives a heading card its own body, images with spaces kept, up to the next heading; a long one its gist', () => {
		// The section runs past the limit (an image, a definition list, quotes): the card asks for its
		// gist, the definition of its own title; the rest is one click away (Open note).
		const balancing = find('heading', '로드 밸런싱');
		expect(balancing?.back.split('\n')[0]).toBe('들어오는 요청을 **여러 대의 서버**에 골고루 나누어 **한 서버에 부하가 몰리지 않게** 하는 것');
		expect(balancing?.back).not.toContain('![load balancer flow.png]');
		for (const card of cards) expect(isAtomicBack(card.back)).toBe(true);
		const dns = find('heading', 'DNS 동작 방식');
		expect(dns?.back.endsWith('![dns 질의 순서.png](/img/user/images/dns 질의 순서.png)')).toBe(true);
		expect(dns?.back).toContain('\t\t- recursive resolver\n\t\t- root name server \n\t\t- authoritative server');
		expect(dns?.back).toContain('도메인\u00a0이름');
		expect(dns?.back).not.toContain('A 레코드');
		expect(find('heading', 'A 레코드')?.back).toBe('-  도메인을 IPv4 주소 하나에 바로 연결, 가장 흔히 쓰는 레코드\n\t- example.com 은 203.0.113.10 을 가리킴');
		expect(find('heading', 'Kubernetes')?.back).toBe('![k8s cluster.png](/img/user/images/k8s cluster.png)');
	});

	it('reads a bold term with " : " and its tab-indented nested list, italic continuation line included', () => {
		const definitions = extractNote('네트워크/study.md', text, { ...DEFAULT_CARD_SETTINGS, headingLevels: [1] }).cards;
		expect(definitions.find((c) => c.kind === 'definition' && c.front === '로드 밸런싱')?.back).toBe(
			[
				'들어오는 요청을 **여러 대의 서버**에 골고루 나누어 **한 서버에 부하가 몰리지 않게** 하는 것',
				'-  서버 한 대가 멈춰도 나머지 서버가 요청을 이어받음.',
				'- 헬스 체크에 응답하지 않는 서버는 대상에서 자동으로 빠짐.',
				'  *라운드 로빈,  최소 연결 , IP 해시 같은 분배 방식 중에서 골라 쓸 수 있음*',
			].join('\n'),
		);
	});

	it('reads a bold term ending in a colon with a space-indented nested list, stopping at the next item', () => {
		expect(find('definition', '파드(Pod)')?.back).toBe(
			['- 함께 배치되는 컨테이너들의 **최소 실행 단위**다.', '- 같은 파드 안의 컨테이너는 네트워크와 볼륨을 공유한다.', '- 예: `nginx`, `redis:7`, `busybox`.'].join('\n'),
		);
		expect(find('definition', '디플로이먼트(Deployment)')?.back).toBe(
			['- 원하는 **파드 개수와 이미지 버전**을 선언한다.', '- 롤링 업데이트로 서비스를 멈추지 않고 새 버전을 배포한다.'].join('\n'),
		);
		expect(find('definition', 'kubectl')?.back).toBe('- 클러스터에 명령을 보내는 **공식 명령줄 도구**다.\n- 문서: https://kubernetes.io/docs');
	});

	it('reads definition quotes with and without a space after >, and with a no-break space before the colon', () => {
		expect(text).toContain('> **Sticky Session**\u00a0: ');
		expect(find('quote', 'Sticky Session')?.back).toBe(
			'같은 사용자의 요청을 처음 연결된 서버로 계속 보내는 설정. 세션을 서버 메모리에 두는 애플리케이션에서 쓴다.',
		);
		expect(find('quote', 'TTL')?.back).toBe('레코드를 캐시에 보관하는 시간(초)이다. 즉, TTL 이 길수록 바뀐 값이 늦게 퍼진다.');
		expect(find('quote', 'CDN 과 로드 밸런서 의 차이')?.back).toBe(
			[
				'CDN 은 콘텐츠를 여러 위치에 복제해 가까운 곳에서 응답하며, 원본을 보호',
				'로드 밸런서 는 한 위치 안의 여러 서버에 요청을 나누며,  콘텐츠를 복제하지는 않음',
			].join('\n'),
		);
	});

	it('makes no card from inside a code block; a long section with terms asks for the list of its terms', () => {
		const concepts = find('heading', 'Kubernetes의 핵심 개념');
		expect(concepts?.back).toBe('- **파드(Pod)**\n- **디플로이먼트(Deployment)**\n- **Dockerfile**\n- **kubectl**');
		expect(cards.some((c) => c.front.includes('빌드 단계') || c.front.includes('실행 단계') || c.front === 'port' || c.front.startsWith('Dockerfile '))).toBe(false);
	});

	it('makes no card from empty headings, bold text without a colon, plain quotes or link-only sections', () => {
		const fronts = cards.map((c) => c.front);
		for (const absent of ['네트워크 기초', '클라우드 보안', '장점', 'ALIAS (apex domain 전용)', 'resolver', 'GSLB', 'IAM 정책', '암호화 키 관리', 'Web Application Firewall']) {
			expect(fronts).not.toContain(absent);
		}
		expect(cards.some((c) => c.front.startsWith('원본 서버의') || c.front.startsWith('캐시 무효화'))).toBe(false);
		expect(cards.some((c) => c.front.startsWith('로드 밸런서 앞단'))).toBe(false);
		expect(cards.some((c) => c.back.includes('docs.aws.amazon.com'))).toBe(false);
	});

	it('only removes characters: every front and back reads off the note in order', () => {
		for (const card of cards) {
			expect(isSubsequence(card.front, text)).toBe(true);
			expect(isSubsequence(card.back, text)).toBe(true);
		}
	});
});
