/**
 * `.cloudnotes-trace`: "can A reach B?" Pick from, to, port and protocol (or one of the block's
 * declared flows), get the verdict with the deciding rule in words, and see the path light up.
 */
import type { Component } from 'obsidian';
import { declaredFlows, trace, type TopologyAnalysis, type TraceQuery, type TraceResult } from '../../core/topology';
import { t } from '../i18n';

const PROTOCOLS = ['tcp', 'udp', 'icmp', 'all'] as const;

/** A declared flow as a trace query (`any` protocol means: let the tracer try what is admitted). */
export function flowQuery(flow: { from: string; to: string; proto: string; port?: number }): TraceQuery {
	const query: TraceQuery = { from: flow.from, to: flow.to };
	if ((PROTOCOLS as readonly string[]).includes(flow.proto)) query.proto = flow.proto as TraceQuery['proto'];
	if (flow.port !== undefined) query.port = flow.port;
	return query;
}

export class TracePanel {
	readonly el: HTMLElement;
	private readonly fromEl: HTMLSelectElement;
	private readonly toEl: HTMLSelectElement;
	private readonly portEl: HTMLInputElement;
	private readonly protoEl: HTMLSelectElement;
	private readonly resultEl: HTMLElement;

	constructor(
		owner: Component,
		parent: HTMLElement,
		private readonly analysis: TopologyAnalysis,
		private readonly onResult: (result: TraceResult | null, query: TraceQuery | null) => void,
	) {
		this.el = parent.createDiv({ cls: 'cloudnotes-trace', attr: { role: 'region', 'aria-label': t('trace.title') } });
		this.el.createDiv({ cls: 'cloudnotes-panel-title', text: t('trace.title') });
		const form = this.el.createEl('form', { cls: 'cloudnotes-trace-form' });
		const endpoints = analysis.endpoints;
		const field = (label: string): HTMLElement => {
			const wrap = form.createEl('label', { cls: 'cloudnotes-field' });
			wrap.createSpan({ cls: 'cloudnotes-field-label', text: label });
			return wrap;
		};
		this.fromEl = field(t('trace.from')).createEl('select', { cls: 'dropdown', attr: { 'data-trace': 'from' } });
		this.toEl = field(t('trace.to')).createEl('select', { cls: 'dropdown', attr: { 'data-trace': 'to' } });
		for (const name of endpoints) {
			this.fromEl.createEl('option', { text: name, value: name });
			this.toEl.createEl('option', { text: name, value: name });
		}
		if (endpoints.length > 1) this.toEl.value = endpoints[endpoints.length - 1] ?? '';
		this.portEl = field(t('trace.port')).createEl('input', { type: 'number', attr: { min: '0', max: '65535', placeholder: t('trace.any'), 'data-trace': 'port', inputmode: 'numeric' } });
		this.protoEl = field(t('trace.proto')).createEl('select', { cls: 'dropdown', attr: { 'data-trace': 'proto' } });
		this.protoEl.createEl('option', { text: t('trace.any'), value: '' });
		for (const p of PROTOCOLS) this.protoEl.createEl('option', { text: p, value: p });
		const buttons = form.createDiv({ cls: 'cloudnotes-trace-buttons' });
		buttons.createEl('button', { cls: 'mod-cta', text: t('trace.run'), type: 'submit', attr: { 'data-trace': 'run' } });
		const clear = buttons.createEl('button', { text: t('trace.clear'), type: 'button', attr: { 'data-trace': 'clear' } });
		owner.registerDomEvent(form, 'submit', (e: SubmitEvent) => {
			e.preventDefault();
			this.run(this.query());
		});
		owner.registerDomEvent(clear, 'click', () => this.clear());

		const flows = analysis.model ? declaredFlows(analysis.model) : [];
		if (flows.length > 0) {
			const box = this.el.createDiv({ cls: 'cloudnotes-trace-flows' });
			box.createDiv({ cls: 'cloudnotes-field-label', text: t('trace.flows') });
			for (const flow of flows) {
				const button = box.createEl('button', { cls: 'cloudnotes-flow-button', text: flow.text, attr: { 'data-flow': flow.text, 'data-line': String(flow.line) } });
				owner.registerDomEvent(button, 'click', () => {
					const query = flowQuery(flow);
					this.setQuery(query);
					this.run(query);
				});
			}
		}
		this.resultEl = this.el.createDiv({ cls: 'cloudnotes-trace-result', attr: { 'aria-live': 'polite' } });
	}

	query(): TraceQuery {
		const query: TraceQuery = { from: this.fromEl.value, to: this.toEl.value };
		const port = this.portEl.value.trim();
		if (port !== '') query.port = Number(port);
		if (this.protoEl.value !== '') query.proto = this.protoEl.value as TraceQuery['proto'];
		return query;
	}

	setQuery(query: TraceQuery): void {
		this.fromEl.value = query.from;
		this.toEl.value = query.to;
		this.portEl.value = query.port === undefined ? '' : String(query.port);
		this.protoEl.value = query.proto ?? '';
	}

	clear(): void {
		this.resultEl.empty();
		this.el.removeAttribute('data-verdict');
		this.onResult(null, null);
	}

	run(query: TraceQuery): TraceResult | null {
		this.resultEl.empty();
		const model = this.analysis.model;
		if (!model || query.from === '' || query.to === '') {
			this.resultEl.createDiv({ cls: 'cloudnotes-panel-hint', text: t('trace.pick') });
			return null;
		}
		const result = trace(model, query);
		this.el.setAttribute('data-verdict', result.allowed ? 'allowed' : 'refused');
		const verdict = this.resultEl.createDiv({ cls: 'cloudnotes-trace-verdict', attr: { 'data-verdict': result.allowed ? 'allowed' : 'refused' } });
		verdict.createSpan({ cls: 'cloudnotes-verdict-pill', text: result.allowed ? t('trace.allowed') : t('trace.refused') });
		verdict.createSpan({ cls: 'cloudnotes-trace-summary', text: result.summary });
		const blocked = result.blockedAt === undefined ? undefined : result.hops[result.blockedAt];
		if (blocked) {
			const at = this.resultEl.createDiv({ cls: 'cloudnotes-trace-blocked', attr: { 'data-resource': blocked.resource } });
			at.createSpan({ text: t('trace.blocked-at', { resource: blocked.resource }) });
			if (blocked.rule) at.createEl('code', { text: blocked.rule });
		}
		const hops = this.resultEl.createEl('ol', { cls: 'cloudnotes-trace-hops' });
		for (const hop of result.hops) {
			const li = hops.createEl('li', { cls: 'cloudnotes-trace-hop', attr: { 'data-allowed': String(hop.allowed), 'data-resource': hop.resource } });
			li.createSpan({ cls: 'cloudnotes-hop-mark', text: hop.allowed ? '✓' : '✗', attr: { 'aria-hidden': 'true' } });
			li.createSpan({ cls: 'cloudnotes-hop-where', text: t('trace.hop', { resource: hop.resource, step: hop.step }) });
			li.createSpan({ cls: 'cloudnotes-hop-reason', text: hop.reason });
		}
		this.onResult(result, query);
		return result;
	}
}
