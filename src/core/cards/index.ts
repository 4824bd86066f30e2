/** The card core: extraction, identity and the incremental index. Pure TypeScript, no Obsidian, no Node. */
export {
	CARD_KINDS,
	DEFAULT_CARD_SETTINGS,
	type Card,
	type CardDraft,
	type CardKind,
	type CardRef,
	type CardSettings,
	type NoteCards,
	type TopologyCardInput,
	type TopologyCardSource,
} from './card';
export { cardId, contentHash, headingPathKey, identityOf, normalizePath } from './card-id';
export { CardIndex, type NoteChange } from './card-index';
export {
	CardCache,
	EXTRACTOR_VERSION,
	CARD_CACHE_MAX_BYTES,
	cardCacheKey,
	cardCachePartName,
	planRefresh,
	type CachedNote,
	type CardCacheFiles,
	type CardCacheLoad,
	type NoteStat,
	type RefreshPlan,
} from './card-cache';
export { extractNote, type ExtractOptions } from './extract';
export { headingTitle } from './heading-title';
export { ANKI_HEADER, ankiTsvRow, toAnkiTsv } from './anki-tsv';
export { topologyCards } from './topology-cards';
