export function isTestFile(relativePath: string): boolean;
export function testedIn(ids: string[]): Map<string, string[]>;
export function renderRequirements(markdown: string): string;
