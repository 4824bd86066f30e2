/**
 * `.cloudnotes-lint` under a diagram: each result with its note line (clicking one puts the
 * cursor there), and a badge on the diagram nodes a result concerns.
 */
import type { Component } from 'obsidian';
import type { Diagnostic, ResourceInfo } from '../../core/topology';
import { t } from '../i18n';
import type { SvgMap } from './svg-map';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The drawn resources a diagnostic is about: those it names in backticks (the core quotes names
 * that way), else the one defined on the diagnostic's line.
 */
export function resourcesConcerned(diagnostic: Diagnostic, resources: readonly ResourceInfo[]): string[] {
	const drawn = resources.filter((r) => r.drawn);
	const quoted = new Set([...diagnostic.message.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
	const named = drawn.filter((r) => quoted.has(r.name)).map((r) => r.name);
	if (named.length > 0) return [...new Set(named)];
	return drawn.filter((r) => r.line === diagnostic.line).map((r) => r.name);
}

/** Per drawn resource: how many results concern it and the worst severity among them. */
export function badgesFor(diagnostics: readonly Diagnostic[], resources: readonly ResourceInfo[]): Map<string, { count: number; severity: Diagnostic['severity'] }> {
	const badges = new Map<string, { count: number; severity: Diagnostic['severity'] }>();
	for (const d of diagnostics) {
		for (const name of resourcesConcerned(d, resources)) {
			const prev = badges.get(name);
			if (!prev) badges.set(name, { count: 1, severity: d.severity });
			else badges.set(name, { count: prev.count + 1, severity: SEVERITY_RANK[d.severity] < SEVERITY_RANK[prev.severity] ? d.severity : prev.severity });
		}
	}
	return badges;
}

export function renderLintPanel(owner: Component, parent: HTMLElement, diagnostics: readonly Diagnostic[], openLine: (line: number, column: number) => void): HTMLElement {
	const panel = parent.createDiv({ cls: 'cloudnotes-lint', attr: { role: 'region', 'aria-label': t('lint.title') } });
	const head = panel.createDiv({ cls: 'cloudnotes-panel-title' });
	head.createSpan({ text: t('lint.title') });
	const count = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
	if (diagnostics.length === 0) {
		panel.addClass('is-clean');
		panel.createDiv({ cls: 'cloudnotes-panel-hint', text: t('lint.none') });
		return panel;
	}
	head.createSpan({ cls: 'cloudnotes-lint-count', text: [t('lint.errors', { count: count('error') }), t('lint.warnings', { count: count('warning') }), t('lint.infos', { count: count('info') })].join(', ') });
	const list = panel.createEl('ul', { cls: 'cloudnotes-lint-list' });
	for (const d of diagnostics) {
		const item = list.createEl('li', { cls: 'cloudnotes-lint-item', attr: { 'data-severity': d.severity, 'data-code': d.code, 'data-line': String(d.line) } });
		const button = item.createEl('button', { cls: 'cloudnotes-lint-button', attr: { 'aria-label': `${t(`lint.severity.${d.severity}`)}. ${t('lint.item', { line: d.line, message: d.message })}. ${t('lint.open', { line: d.line })}` } });
		button.createSpan({ cls: 'cloudnotes-severity', text: t(`lint.severity.${d.severity}`), attr: { 'data-severity': d.severity } });
		button.createSpan({ cls: 'cloudnotes-lint-where', text: `${d.line}:${d.column}` });
		button.createSpan({ cls: 'cloudnotes-lint-message', text: d.message });
		owner.registerDomEvent(button, 'click', () => openLine(d.line, d.column));
	}
	return panel;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws a small numbered badge at the top right of each concerned node. All boxes are read before
 * anything is written: a read after a write makes the browser lay the diagram out again, once per
 * badge (a large diagram with many findings paid for dozens of layouts in one frame).
 */
export function addBadges(map: SvgMap, diagnostics: readonly Diagnostic[], resources: readonly ResourceInfo[]): void {
	const placed = [];
	for (const [name, badge] of badgesFor(diagnostics, resources)) {
		const el = map.nodes.get(name);
		if (!el) continue;
		const shape = el.querySelector(':scope > rect, :scope > .label-container, :scope > polygon, :scope > path, :scope > circle') ?? el;
		let box: DOMRect | null = null;
		try {
			box = (shape as SVGGraphicsElement).getBBox?.() ?? null;
		} catch {
			box = null;
		}
		placed.push({ el, badge, shape, box });
	}
	for (const { el, badge, shape, box } of placed) {
		el.classList.add('cloudnotes-has-lint');
		el.setAttribute('data-lint', badge.severity);
		const g = el.ownerDocument.createElementNS(SVG_NS, 'g');
		g.setAttribute('class', 'cloudnotes-badge');
		g.setAttribute('data-severity', badge.severity);
		g.setAttribute('aria-hidden', 'true');
		const transform = shape === el ? '' : (shape.getAttribute('transform') ?? '');
		const x = box ? box.x + box.width : 0;
		const y = box ? box.y : 0;
		g.setAttribute('transform', `${transform} translate(${x.toFixed(1)} ${y.toFixed(1)})`.trim());
		const circle = el.ownerDocument.createElementNS(SVG_NS, 'circle');
		circle.setAttribute('r', '9');
		const text = el.ownerDocument.createElementNS(SVG_NS, 'text');
		text.setAttribute('text-anchor', 'middle');
		text.setAttribute('dy', '0.35em');
		text.textContent = badge.severity === 'info' ? 'i' : String(badge.count);
		const title = el.ownerDocument.createElementNS(SVG_NS, 'title');
		title.textContent = t('lint.badge', { count: badge.count });
		g.append(title, circle, text);
		el.appendChild(g);
	}
}
