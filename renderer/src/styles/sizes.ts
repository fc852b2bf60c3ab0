/**
 * Sizes the tests and the layout agree on, in CSS px at the kiosk's device pixel ratio of 1.
 * tokens.css explains where they come from (MIIT 适老化 figures converted for arm's length).
 */

/** Standard mode: no control smaller than this (--target-min at scale 1). */
export const STANDARD_TARGET_MIN_PX = 64;

/** 长辈版: no control smaller than this (--target-min at scale 1.5). */
export const ELDER_TARGET_MIN_PX = 96;

/** 长辈版: at most this many choices on one screen (the rule; lists are paged to fit). */
export const ELDER_MAX_CHOICES = 6;
