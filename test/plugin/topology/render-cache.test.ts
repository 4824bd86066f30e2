import { LruCache, renderCacheKey } from '../../../src/plugin/topology/render-cache';

const base = { kind: 'vpc', source: 'name: main\ncidr: 10.0.0.0/16\n', themeKey: '#ffffff,light', options: 'LR' };

describe('renderCacheKey', () => {
	test('the same block in the same theme gives the same key', () => {
		expect(renderCacheKey({ ...base })).toBe(renderCacheKey({ ...base }));
	});
	test('any change of source, kind, theme or options gives a different key', () => {
		const key = renderCacheKey(base);
		expect(renderCacheKey({ ...base, source: base.source + ' ' })).not.toBe(key);
		expect(renderCacheKey({ ...base, kind: 'containers' })).not.toBe(key);
		expect(renderCacheKey({ ...base, themeKey: '#1e1e1e,dark' })).not.toBe(key);
		expect(renderCacheKey({ ...base, options: 'TB' })).not.toBe(key);
	});
	test('parts cannot bleed into each other', () => {
		const a = renderCacheKey({ kind: 'vpc', themeKey: 'a|1:b', options: '', source: 'c' });
		const b = renderCacheKey({ kind: 'vpc', themeKey: 'a', options: 'b', source: 'c' });
		expect(a).not.toBe(b);
		expect(renderCacheKey({ ...base, themeKey: 'x', options: 'y|z' })).not.toBe(renderCacheKey({ ...base, themeKey: 'x|y', options: 'z' }));
	});
});

describe('LruCache', () => {
	test('evicts the least recently used entry beyond capacity', () => {
		const cache = new LruCache<number>(2);
		cache.set('a', 1);
		cache.set('b', 2);
		expect(cache.get('a')).toBe(1); // a is now the most recent
		cache.set('c', 3);
		expect(cache.has('b')).toBe(false);
		expect(cache.get('a')).toBe(1);
		expect(cache.get('c')).toBe(3);
		expect(cache.size).toBe(2);
	});
	test('setting an existing key refreshes it without growing', () => {
		const cache = new LruCache<string>(2);
		cache.set('a', 'x');
		cache.set('b', 'y');
		cache.set('a', 'z');
		cache.set('c', 'w');
		expect(cache.get('a')).toBe('z');
		expect(cache.has('b')).toBe(false);
	});
	test('rejects a capacity below one', () => {
		expect(() => new LruCache(0)).toThrow(RangeError);
	});
});
