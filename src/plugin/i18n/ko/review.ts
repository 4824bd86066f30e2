import type { review as en } from '../en/review';

/** 복습, 덱, 통계, 설정의 한국어 UI 문구. */
export const review: typeof en = {
	'review.title': '복습',
};
