/**
 * Puts Cloudnotes' icon pack on the Mermaid that Obsidian lends us. Obsidian's Mermaid is shared
 * with the app and every other plugin, so this only adds a pack under our own prefix (nothing is
 * `initialize`d, no other pack is touched), once per Mermaid instance, before our first render.
 */
import { iconPackLoaders } from '../../core/topology/shared/icons';

interface IconCapableMermaid {
	registerIconPacks?: (loaders: ReturnType<typeof iconPackLoaders>) => void;
}

const registered = new WeakSet<object>();

/**
 * Registers the pack on `mermaid` unless it already has it. Returns whether icons can be drawn:
 * false on a Mermaid without `registerIconPacks` (older than 11.1), where diagrams stay iconless.
 */
export function ensureIconPack(mermaid: object): boolean {
	if (registered.has(mermaid)) return true;
	const register = (mermaid as IconCapableMermaid).registerIconPacks;
	if (typeof register !== 'function') return false;
	register.call(mermaid, iconPackLoaders());
	registered.add(mermaid);
	return true;
}
