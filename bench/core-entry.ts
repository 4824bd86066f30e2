// What the Node benchmarks call: the real core, bundled once by bench/run.mjs.
export { CardIndex, extractNote, DEFAULT_CARD_SETTINGS, EXTRACTOR_VERSION } from '../src/core/cards';
export { analyzeTopology, toMermaid } from '../src/core/topology';
export { JournalStore } from '../src/core/srs/journal-store';
export { encodeEntry, headerLine, segmentName, SEGMENT_LIMIT } from '../src/core/srs/journal-format';
export { MemoryPersistence, buildQueue, DEFAULT_SCHEDULER_SETTINGS } from '../src/core/srs';
export { decodeSnapshot } from '../src/core/srs/journal-snapshot';
