/**
 * The icon pack as Mermaid takes it (our glyphs and the bundled image logos in one set under our
 * prefix), and which logo a container image gets.
 */
import { IMAGE_LOGOS } from './logos.generated';
import { logoIcons } from './logos';
import { ICON_PACK_PREFIX, OWN_ICONS, iconRef, type IconifySet } from './pack';

export { ICON_PACK_PREFIX, iconRef, type IconData, type IconifySet } from './pack';

/** Pack id of a bundled logo: `logo-<name>` (e.g. `logo-nginx`). */
export function logoIconId(logo: string): string {
	return `logo-${logo}`;
}

let pack: IconifySet | null = null;

/** The whole pack: our glyphs and every bundled logo. Built once; callers must not change it. */
export function iconPack(): IconifySet {
	pack ??= {
		...OWN_ICONS,
		icons: { ...OWN_ICONS.icons, ...Object.fromEntries(Object.entries(logoIcons()).map(([name, icon]) => [logoIconId(name), icon])) },
	};
	return pack;
}

/** The argument of `mermaid.registerIconPacks(...)` that registers our pack. */
export function iconPackLoaders(): { name: string; icons: IconifySet }[] {
	return [{ name: ICON_PACK_PREFIX, icons: iconPack() }];
}

/** Flavours of an official image that still carry its logo (`nginx-unprivileged`, `redis-stack-server`). */
const FLAVOUR = /-(?:unprivileged|alpine|slim|stack-server|stack|server|community|oss|ce|ee|team-edition|enterprise-edition)$/;

/**
 * The logo of a container image, or null: the image's last path segment without tag or digest,
 * lower case, looked up in the table (`nginx:1.27-alpine` -> nginx, `bitnami/postgresql:16` ->
 * postgresql, `registry:5000/library/redis@sha256:…` -> redis).
 */
export function logoForImage(image: string | null | undefined): string | null {
	if (!image) return null;
	const withoutDigest = image.trim().split('@')[0] ?? '';
	const segment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
	const name = (segment.split(':')[0] ?? '').toLowerCase();
	if (name === '') return null;
	return IMAGE_LOGOS[name] ?? IMAGE_LOGOS[name.replace(FLAVOUR, '')] ?? null;
}

/** The icon reference Mermaid text uses for a container image's logo, or null when it has none. */
export function logoRefForImage(image: string | null | undefined): string | null {
	const logo = logoForImage(image);
	return logo ? iconRef(logoIconId(logo)) : null;
}

/**
 * The comment exported Mermaid text carries when it draws icons: without the pack a renderer
 * shows a placeholder instead of each icon, so the reader learns what to register.
 */
export const ICON_PACK_COMMENT = `%% Icons: this diagram uses the Cloudnotes icon pack ("${ICON_PACK_PREFIX}:*"). Register it before rendering (mermaid.registerIconPacks), or export with icons off.`;
