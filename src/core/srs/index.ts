/** Spaced repetition core: pure TypeScript, no Obsidian, no Node; runs on mobile and in the demo. */

export { CARD_STATE_NAMES, RATINGS, type CardState, type CardStateName, type Rating, type ReviewLogEntry } from './card-state';
export { intervalLabel } from './interval-label';
export {
	DEFAULT_SCHEDULER_SETTINGS,
	Scheduler,
	fsrsRatingCode,
	fsrsStateCode,
	normaliseSchedulerSettings,
	type IntervalPreview,
	type SchedulerOptions,
	type SchedulerSettings,
} from './scheduler';
export { CURRENT_SCHEMA, checksumOf, decodeReviewData, emptyReviewData, encodeReviewData, type DecodeResult, type ReviewData } from './review-data';
export { MemoryPersistence, REVIEW_BACKUP_FILE, REVIEW_FILE, type Persistence } from './persistence';
export { addStudyDays, studyDayStart, type StudyDayOptions } from './review-day';
export { folderOf, inScope, normaliseTag, type DeckScope, type QueueCard } from './deck-scope';
export { buildQueue, nextDue, reviewsSince, type QueueItem, type QueueOptions, type ReviewHistory, type ReviewQueue } from './review-queue';
export { buildDecks, type DeckCounts, type DeckNode, type DeckTree } from './decks';
export { computeStats, type DayReviews, type ReviewStatistics, type StatisticsOptions } from './statistics';
export { REVIEW_LOG_CSV_HEADER, reviewLogToCsv } from './review-log-csv';
