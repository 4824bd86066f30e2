/**
 * Study days in local time. A day starts at midnight, or at `dayStartHour` for people who study past
 * midnight (Anki's "next day starts at"). Day arithmetic goes through Date so DST days are 23 or 25
 * hours long, as they are on the user's clock.
 */

export interface StudyDayOptions {
	/** Local hour (0-23) at which a new study day begins. */
	dayStartHour?: number;
}

/** Start of the study day that contains `time`, epoch ms. */
export function studyDayStart(time: number, options: StudyDayOptions = {}): number {
	const hour = Math.min(23, Math.max(0, Math.floor(options.dayStartHour ?? 0)));
	const date = new Date(time);
	if (date.getHours() < hour) date.setDate(date.getDate() - 1);
	date.setHours(hour, 0, 0, 0);
	return date.getTime();
}

/** The same local time of day `days` later (or earlier, when negative). */
export function addStudyDays(dayStart: number, days: number): number {
	const date = new Date(dayStart);
	date.setDate(date.getDate() + days);
	return date.getTime();
}
