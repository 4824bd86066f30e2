/**
 * Obsidian's additions to the DOM (createEl, createDiv, empty, addClass, setText ...), written
 * from obsidian.d.ts. The real app installs these on every window; the stand-in installs them on
 * the page (browser tests, demo) or on jsdom (plugin-layer unit tests).
 */

type ElInfo = {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
};

const SVG_NS = 'http://www.w3.org/2000/svg';

function applyInfo(el: Element, info: ElInfo | string | undefined): void {
	if (info === undefined) return;
	if (typeof info === 'string') {
		info = { cls: info };
	}
	if (info.cls) {
		const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(' ');
		el.classList.add(...classes.filter((c) => c.length > 0));
	}
	if (info.text !== undefined) {
		if (typeof info.text === 'string') el.textContent = info.text;
		else el.appendChild(info.text);
	}
	if (info.attr) {
		for (const [k, v] of Object.entries(info.attr)) {
			if (v === null || v === false) el.removeAttribute(k);
			else el.setAttribute(k, String(v));
		}
	}
	if (info.title !== undefined) el.setAttribute('title', info.title);
	if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute('type', info.type);
	if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
	if (info.href !== undefined) el.setAttribute('href', info.href);
}

export function installDomHelpers(win: Window & typeof globalThis): void {
	const doc = win.document;
	const nodeProto = win.Node.prototype as any;
	const elProto = win.Element.prototype as any;
	const htmlProto = win.HTMLElement.prototype as any;
	if (nodeProto.createEl) return;

	function createEl(this: Node | undefined, tag: string, info?: ElInfo | string, callback?: (el: HTMLElement) => void): HTMLElement {
		const el = doc.createElement(tag);
		applyInfo(el, info);
		const parent = (typeof info === 'object' && info.parent) || this;
		if (parent) {
			if (typeof info === 'object' && info.prepend) parent.insertBefore(el, parent.firstChild);
			else parent.appendChild(el);
		}
		callback?.(el);
		return el;
	}
	function createSvg(this: Node | undefined, tag: string, info?: ElInfo | string, callback?: (el: SVGElement) => void): SVGElement {
		const el = doc.createElementNS(SVG_NS, tag);
		applyInfo(el, info);
		const parent = (typeof info === 'object' && info.parent) || this;
		if (parent) {
			if (typeof info === 'object' && info.prepend) parent.insertBefore(el, parent.firstChild);
			else parent.appendChild(el);
		}
		callback?.(el);
		return el;
	}

	nodeProto.createEl = createEl;
	nodeProto.createDiv = function (this: Node, info?: ElInfo | string, cb?: (el: HTMLElement) => void) {
		return createEl.call(this, 'div', info, cb);
	};
	nodeProto.createSpan = function (this: Node, info?: ElInfo | string, cb?: (el: HTMLElement) => void) {
		return createEl.call(this, 'span', info, cb);
	};
	nodeProto.createSvg = createSvg;
	nodeProto.empty = function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	nodeProto.detach = function (this: Node) {
		this.parentNode?.removeChild(this);
	};
	nodeProto.appendText = function (this: Node, text: string) {
		this.appendChild(doc.createTextNode(text));
	};
	nodeProto.instanceOf = function (this: Node, type: any) {
		return this instanceof type;
	};
	Object.defineProperty(nodeProto, 'doc', { get(this: Node) { return this.ownerDocument ?? doc; }, configurable: true });
	Object.defineProperty(nodeProto, 'win', { get() { return win; }, configurable: true });
	nodeProto.setChildrenInPlace = function (this: Node, children: Node[]) {
		(this as any).empty();
		for (const c of children) this.appendChild(c);
	};

	elProto.addClass = function (this: Element, ...classes: string[]) {
		this.classList.add(...classes);
	};
	elProto.addClasses = function (this: Element, classes: string[]) {
		this.classList.add(...classes);
	};
	elProto.removeClass = function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	};
	elProto.removeClasses = function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	};
	elProto.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	};
	elProto.hasClass = function (this: Element, cls: string) {
		return this.classList.contains(cls);
	};
	elProto.setText = function (this: Element, text: string | DocumentFragment) {
		if (typeof text === 'string') this.textContent = text;
		else {
			this.textContent = '';
			this.appendChild(text);
		}
	};
	elProto.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
		if (value === null || value === false) this.removeAttribute(name);
		else this.setAttribute(name, String(value));
	};
	elProto.setAttrs = function (this: Element, attrs: Record<string, string | number | boolean | null>) {
		for (const [k, v] of Object.entries(attrs)) (this as any).setAttr(k, v);
	};
	elProto.getText = function (this: Element) {
		return this.textContent ?? '';
	};
	elProto.find = function (this: Element, selector: string) {
		return this.querySelector(selector);
	};
	elProto.findAll = function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	};
	htmlProto.show = function (this: HTMLElement) {
		this.style.display = '';
	};
	htmlProto.hide = function (this: HTMLElement) {
		this.style.display = 'none';
	};
	htmlProto.toggle = function (this: HTMLElement, show: boolean) {
		this.style.display = show ? '' : 'none';
	};
	// As Obsidian's (offsetParent-based) answer: hidden when the element or an ancestor is not displayed.
	htmlProto.isShown = function (this: HTMLElement) {
		if (!this.isConnected) return false;
		return this.closest('[style*="display: none"]') === null;
	};
	htmlProto.setCssProps = function (this: HTMLElement, props: Record<string, string>) {
		for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
	};
	htmlProto.setCssStyles = function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
		Object.assign(this.style, styles);
	};
	htmlProto.onClickEvent = function (this: HTMLElement, listener: (ev: MouseEvent) => unknown) {
		this.addEventListener('click', listener);
	};

	const g = win as any;
	g.createEl = (tag: string, info?: ElInfo | string, cb?: (el: HTMLElement) => void) => createEl.call(undefined, tag, info, cb);
	g.createDiv = (info?: ElInfo | string, cb?: (el: HTMLElement) => void) => createEl.call(undefined, 'div', info, cb);
	g.createSpan = (info?: ElInfo | string, cb?: (el: HTMLElement) => void) => createEl.call(undefined, 'span', info, cb);
	g.createSvg = (tag: string, info?: ElInfo | string, cb?: (el: SVGElement) => void) => createSvg.call(undefined, tag, info, cb);
	g.createFragment = (cb?: (frag: DocumentFragment) => void) => {
		const frag = doc.createDocumentFragment();
		cb?.(frag);
		return frag;
	};
	g.activeDocument = doc;
	g.activeWindow = win;
	g.sleep = (ms: number) => new Promise((r) => win.setTimeout(r, ms));
}
