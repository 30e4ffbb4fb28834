export function AnswerBuilderPage() { return null; }
