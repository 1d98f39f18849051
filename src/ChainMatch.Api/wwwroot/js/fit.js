import { t } from './i18n.js';

/**
 * The ranking model's raw score as a 0–100 fit: 100 / (1 + e^(−score)), rounded. Monotone, so the order is the model's;
 * a score of 0 is a fit of 50, −2.82 is 6, +2 is 88. See docs/workbench.md.
 */
export const fit = score => Math.round(100 / (1 + Math.exp(-score)));

/** The fit as shown in lists, with its meaning on hover. */
export const fitText = score => `${t('fitLabel')} ${fit(score)}`;
