/**
 * `.cloudnotes-details`: the settings of the resource picked in the diagram, in the words the
 * core wrote for it (a subnet's CIDR, zone, why it is public, its NACL rules; an instance's
 * security groups and their rules; a container's image, ports, networks and volumes).
 */
import type { Component } from 'obsidian';
import type { ResourceInfo } from '../../core/topology';
import { t } from '../i18n';

export class DetailsPanel {
	readonly el: HTMLElement;
	private current: string | null = null;

	constructor(
		private readonly owner: Component,
		parent: HTMLElement,
		private readonly openLine: (line: number) => void,
	) {
		this.el = parent.createDiv({ cls: 'cloudnotes-details', attr: { 'aria-live': 'polite', role: 'region', 'aria-label': t('details.title') } });
		this.show(null);
	}

	get shown(): string | null {
		return this.current;
	}

	show(resource: ResourceInfo | null): void {
		this.el.empty();
		this.current = resource?.name ?? null;
		this.el.toggleClass('is-empty', resource === null);
		if (!resource) {
			this.el.createDiv({ cls: 'cloudnotes-panel-title', text: t('details.title') });
			this.el.createDiv({ cls: 'cloudnotes-panel-hint', text: t('details.hint') });
			return;
		}
		const head = this.el.createDiv({ cls: 'cloudnotes-details-head' });
		head.createSpan({ cls: 'cloudnotes-details-name', text: resource.name });
		head.createSpan({ cls: 'cloudnotes-type-pill', text: resource.type, attr: { 'data-type': resource.type } });
		const close = head.createEl('button', { cls: 'cloudnotes-icon-button clickable-icon', text: '×', attr: { 'aria-label': t('details.close') } });
		this.owner.registerDomEvent(close, 'click', () => this.show(null));
		const list = this.el.createEl('dl', { cls: 'cloudnotes-details-list' });
		for (const detail of resource.details) {
			list.createEl('dt', { text: detail.label });
			const dd = list.createEl('dd');
			// Long lists (rules, routes) come joined with '; ': one per line reads better.
			const parts = detail.value.split('; ');
			if (parts.length > 1) {
				const ul = dd.createEl('ul');
				for (const part of parts) ul.createEl('li', { text: part });
			} else dd.setText(detail.value);
		}
		const at = this.el.createEl('button', { cls: 'cloudnotes-link-button', text: t('details.defined-at', { line: resource.line }) });
		this.owner.registerDomEvent(at, 'click', () => this.openLine(resource.line));
	}
}
