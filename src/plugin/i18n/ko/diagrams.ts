import type { diagrams as en } from '../en/diagrams';

/** 토폴로지 다이어그램의 한국어 UI 문구. */
export const diagrams: typeof en = {
	'diagram.label': '토폴로지 다이어그램',
};
