export function ReAimPage() { return null; }
