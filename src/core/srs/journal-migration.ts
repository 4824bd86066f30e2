/**
 * Taking in `reviews.json` (schema 1 or 2, written by versions before the journal): on the first
 * start of this version, and again whenever a device still on an older version has changed it.
 * Nothing here writes `reviews.json` or its backup: older versions keep using them as they were.
 * The first time, the text is also copied to `reviews.before-journal.json`, untouched.
 *
 * The same recovery rules as the old store: a damaged main file falls back to the backup; a file
 * from a newer schema is not read; when neither copy is usable nothing is imported and the user is
 * told which files to look at.
 */
import { IDS_PER_LINE, type EntryBody } from './journal-format';
import { REVIEW_BACKUP_FILE, REVIEW_FILE, type Persistence } from './persistence';
import { checksumOf, decodeReviewData, type ReviewData } from './review-data';

export const LEGACY_COPY_FILE = 'reviews.before-journal.json';

export type LegacyRead =
	| { kind: 'none' }
	| { kind: 'data'; data: ReviewData; checksum: string; text: string; notice: string | null }
	| { kind: 'problem'; notice: string };

async function readOrNull(files: Persistence, name: string): Promise<string | null> {
	try {
		return await files.read(name);
	} catch {
		return null;
	}
}

/** Reads reviews.json (or its backup) without writing either. `show` names a file for a notice. */
export async function readLegacyReviews(files: Persistence, show: (name: string) => string): Promise<LegacyRead> {
	const main = await readOrNull(files, REVIEW_FILE);
	const decodedMain = main === null ? null : decodeReviewData(main);
	if (main !== null && decodedMain?.ok) return { kind: 'data', data: decodedMain.data, checksum: checksumOf(main), text: main, notice: null };
	if (decodedMain && !decodedMain.ok && decodedMain.kind === 'newer-schema') {
		return { kind: 'problem', notice: `${show(REVIEW_FILE)} was written by a newer version of Cloudnotes (${decodedMain.reason}); its reviews were not taken in. Update the plugin.` };
	}
	const backup = await readOrNull(files, REVIEW_BACKUP_FILE);
	const decodedBackup = backup === null ? null : decodeReviewData(backup);
	if (main === null) {
		// No main file: only a backup left behind by an interrupted save of an older version is worth reading.
		if (backup !== null && decodedBackup?.ok) return { kind: 'data', data: decodedBackup.data, checksum: checksumOf(backup), text: backup, notice: `${show(REVIEW_FILE)} was missing; the reviews in ${show(REVIEW_BACKUP_FILE)} were taken in.` };
		return { kind: 'none' };
	}
	const why = decodedMain && !decodedMain.ok ? decodedMain.reason : 'unreadable';
	if (backup !== null && decodedBackup?.ok) {
		return {
			kind: 'data',
			data: decodedBackup.data,
			checksum: checksumOf(backup),
			text: backup,
			notice: `${show(REVIEW_FILE)} is damaged (${why}); the reviews in ${show(REVIEW_BACKUP_FILE)} were taken in instead. Both files are left as they are.`,
		};
	}
	return {
		kind: 'problem',
		notice: `${show(REVIEW_FILE)} is damaged (${why}) and ${backup === null ? `there is no ${show(REVIEW_BACKUP_FILE)}` : `${show(REVIEW_BACKUP_FILE)} is not usable either`}; nothing was taken in from them. Both files are left as they are: repair one by hand to recover older reviews.`,
	};
}

/** The journal entries that import review data: a marker, then states and log in bounded lines. */
export function importBodies(data: ReviewData, checksum: string): EntryBody[] {
	const bodies: EntryBody[] = [{ kind: 'imported', checksum }];
	const states = [...data.states].map(([id, state]) => [id, state, data.orphans.get(id) ?? null] as [string, typeof state, number | null]);
	for (let i = 0; i < states.length; i += IDS_PER_LINE) bodies.push({ kind: 'states', states: states.slice(i, i + IDS_PER_LINE) });
	for (let i = 0; i < data.log.length; i += IDS_PER_LINE) bodies.push({ kind: 'log', log: data.log.slice(i, i + IDS_PER_LINE) });
	return bodies;
}
