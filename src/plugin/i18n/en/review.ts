/** English UI text of review, decks, statistics and settings. Keys are shared with ko/review.ts. */
export const review = {
	'review.title': 'Review',
};
