// What the Node benchmarks call: the real core, bundled once by bench/run.mjs.
export { CardIndex, extractNote, DEFAULT_CARD_SETTINGS } from '../src/core/cards';
export { analyzeTopology, toMermaid } from '../src/core/topology';
