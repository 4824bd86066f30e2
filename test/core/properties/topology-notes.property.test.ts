/**
 * analyzeNote over whole notes: frontmatter, Markdown, other code blocks and topology blocks, any
 * line ends (LF, CRLF, lone CR), mutated. Positions must land inside the note and after the
 * block's opening fence, whatever the note looks like.
 */
import fc from 'fast-check';
import { analyzeNote } from '../../../src/core/topology';
import { lineCount, noteText, runs, SEED } from './arbitraries';
import { expectInside, expectSoundAnalysis } from './positions';

describe(`analyzeNote under random notes (seed ${SEED})`, () => {
	it(`every block's diagnostics and resources lie in the note, after its fence (seed ${SEED}, ${runs().numRuns} notes)`, () => {
		fc.assert(
			fc.property(noteText(true), (note) => {
				const total = lineCount(note);
				let previous = 0;
				for (const block of analyzeNote(note)) {
					expectInside('opening fence', block.openLine, 1, previous + 1, total);
					// After the fence; an unclosed fence on the last line has only itself to point at.
					expectSoundAnalysis(block.analysis, Math.min(block.openLine + 1, total), total);
					previous = block.openLine;
				}
			}),
			runs(),
		);
	});
});
