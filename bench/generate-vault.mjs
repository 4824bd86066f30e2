// Generates a deterministic vault of study notes for the benchmarks: Korean and English
// headings, callouts, definition blockquotes, bold-term lists and code blocks, about 2 KB each.

/** A small seeded PRNG (mulberry32) so every run measures the same notes. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KO_TOPICS = ["가상화 기술", "컨테이너 네트워크", "서브넷 설계", "보안 그룹", "NAT 게이트웨이", "로드 밸런서", "라우팅 테이블", "스토리지", "오토 스케일링", "모니터링"];
const EN_TOPICS = ["Virtualization", "Container networking", "Subnet design", "Security groups", "NAT gateways", "Load balancers", "Route tables", "Storage", "Auto scaling", "Monitoring"];
const TERMS = ["VPC", "Subnet", "IGW", "NAT", "ALB", "NLB", "SG", "NACL", "EBS", "EFS", "KVM", "Docker", "Pod", "Volume", "Bridge"];
const KO_SENTENCES = [
	"하나의 물리적인 장비를 논리적으로 격리하여 사용하는 것이다.",
	"퍼블릭 서브넷은 라우팅 테이블이 인터넷 게이트웨이로 향하는 경로를 가진다.",
	"보안 그룹은 상태를 저장하므로 응답 트래픽은 자동으로 허용된다.",
	"NACL은 상태를 저장하지 않으므로 임시 포트를 명시적으로 허용해야 한다.",
	"컨테이너는 호스트 OS의 커널을 공유하므로 자원이 적게 소모된다.",
];
const EN_SENTENCES = [
	"A subnet is public when its route table sends traffic to an internet gateway.",
	"Security groups are stateful, so return traffic is always allowed.",
	"Network ACLs are stateless and evaluate rules in ascending order.",
	"A NAT gateway lets private instances reach the internet without being reachable.",
	"Containers share the host kernel and start in milliseconds.",
];

/** UTF-8 size of the lines joined with newlines, without allocating a buffer. */
function utf8Bytes(lines) {
	let n = lines.length;
	for (const line of lines) for (let k = 0; k < line.length; k++) n += line.charCodeAt(k) < 0x80 ? 1 : line.charCodeAt(k) < 0x800 ? 2 : 3;
	return n;
}

/**
 * `srSyntax`: the note is also a Spaced Repetition deck (`#flashcards`) and every section holds
 * cards in SR's syntax: a `::` card, a `:::` card (2 cards), a `?` card, a cloze sentence (one card
 * per `==highlight==`), some with SR schedule comments. `note.srCards` counts the cards SR makes of
 * them by its rules (the generator knows what it wrote).
 */
export function generateNote(i, rand = prng(i + 1), { srSyntax = false } = {}) {
	const korean = i % 2 === 0;
	let srCards = 0;
	const topics = korean ? KO_TOPICS : EN_TOPICS;
	const sentences = korean ? KO_SENTENCES : EN_SENTENCES;
	const pick = (list) => list[Math.floor(rand() * list.length)];
	const lines = ["---", `tags: [cloud, ${korean ? "study" : "notes"}${srSyntax ? ", flashcards" : ""}]`, "dg-publish: true", "---", ""];
	const chapter = (i % 9) + 1;
	lines.push(`# ${chapter}. ${pick(topics)} ${i}`, "");
	let section = 1;
	while (utf8Bytes(lines) < 1900) {
		lines.push(`## ${chapter}.${section} ${pick(topics)}`, "---", "", `- ${pick(sentences)}`, `\t- ${pick(sentences)}`, "");
		const roll = rand();
		if (roll < 0.3) lines.push(`> [!note] ${pick(TERMS)} ${korean ? "정리" : "summary"}`, `> ${pick(sentences)}`, `> ${pick(sentences)}`, "");
		else if (roll < 0.55) lines.push(`> **${pick(TERMS)}**`, `> ${pick(sentences)}`, "");
		else if (roll < 0.8) lines.push(`- **${pick(TERMS)}** : ${pick(sentences)}`, `\t- ${pick(sentences)}`, "");
		else lines.push("```bash", "docker run -d -p 8080:80 nginx", "# **not a card** : code is never scanned", "```", "");
		lines.push(pick(sentences), "");
		if (srSyntax) {
			const term = pick(TERMS);
			const schedule = rand() < 0.5 ? ` <!--SR:!2026-12-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")},${1 + Math.floor(rand() * 30)},250-->` : "";
			lines.push(`${term} ${section}::${pick(sentences)}${schedule}`, "");
			lines.push(`${term} ${section} ${korean ? "약자" : "stands for"}:::${pick(topics)}`, "");
			lines.push(`${korean ? "무엇인가" : "What is"} ${term} ${section}?`, "?", pick(sentences), pick(sentences), "");
			lines.push(`${korean ? "핵심 용어" : "Key term"}: ==${term}== - ${pick(sentences)}`, "");
			srCards += 1 + 2 + 1 + 1;
		}
		section++;
	}
	return { path: `notes/${String(Math.floor(i / 500)).padStart(2, "0")}/note-${i}.md`, content: lines.join("\n"), srCards };
}

export function generateVault(count, options = {}) {
	const notes = [];
	for (let i = 0; i < count; i++) notes.push(generateNote(i, prng(i + 1), options));
	return notes;
}
