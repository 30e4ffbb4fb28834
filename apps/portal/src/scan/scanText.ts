/** The instrument carries Dutch and English texts; show the one of the interface language. */
export const inEnglish = (language: string) => language.startsWith('en');

export const pick = (language: string, nl: string, en: string) => (inEnglish(language) ? en : nl);
