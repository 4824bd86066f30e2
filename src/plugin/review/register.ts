import type CloudnotesPlugin from '../main';

/** Flashcards: the vault index, review store, review modal, decks, statistics, commands. */
export function registerReview(_plugin: CloudnotesPlugin): void {}
