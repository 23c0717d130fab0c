// What Next.js declares for next-example.tsx (the README's example): NEXT_PUBLIC_ variables.
declare const process: { env: Record<string, string | undefined> };
