import { reviewLogToCsv, REVIEW_LOG_CSV_HEADER } from '../../../src/core/srs/review-log-csv';
import { Scheduler, DEFAULT_SCHEDULER_SETTINGS } from '../../../src/core/srs/scheduler';
import { logFor } from './fakes';

describe('reviewLogToCsv', () => {
	it('writes the columns the FSRS optimiser reads, with ts-fsrs rating and state codes', () => {
		const csv = reviewLogToCsv([
			logFor('AWS/VPC.md#subnet', 1_767_000_000_000, 'again', { state: 'new' }),
			logFor('AWS/VPC.md#subnet', 1_767_000_060_000, 'hard', { state: 'learning', durationMs: 4321.6 }),
			logFor('b', 1_767_100_000_000, 'good', { state: 'review' }),
			logFor('b', 1_767_200_000_000, 'easy', { state: 'relearning' }),
		]);
		expect(csv).toBe([
			'card_id,review_time,review_rating,review_state,review_duration',
			'AWS/VPC.md#subnet,1767000000000,1,0,0',
			'AWS/VPC.md#subnet,1767000060000,2,1,4322',
			'b,1767100000000,3,2,0',
			'b,1767200000000,4,3,0',
			'',
		].join('\n'));
	});

	it('quotes card ids holding commas, quotes or line breaks', () => {
		const csv = reviewLogToCsv([logFor('Notes, "draft"\nA.md#x', 5, 'good')]);
		expect(csv.split('\n').slice(1).join('\n')).toBe('"Notes, ""draft""\nA.md#x",5,3,2,0\n');
	});

	it('exports a real graded history in order, header only when empty', () => {
		expect(reviewLogToCsv([])).toBe(`${REVIEW_LOG_CSV_HEADER}\n`);
		const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS);
		const first = scheduler.grade(undefined, 'good', new Date(1_767_000_000_000), 'c');
		const second = scheduler.grade(first.state, 'good', new Date(first.state.due), 'c');
		const rows = reviewLogToCsv([first.log, second.log]).trim().split('\n').slice(1);
		expect(rows).toEqual([`c,1767000000000,3,0,0`, `c,${first.state.due},3,1,0`]);
	});
});
